import { IsIn, IsOptional, Matches } from 'class-validator';
import { PROGRAMS } from '../events/event-status';

export class StatisticsQuery {
  /** Only events of this school year, e.g. "2026/27". */
  @IsOptional()
  @Matches(/^\d{4}\/\d{2}$/, { message: 'schoolYear' })
  schoolYear?: string;

  @IsOptional()
  @IsIn(PROGRAMS)
  program?: string;
}

