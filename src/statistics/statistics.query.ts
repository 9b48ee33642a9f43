import { IsIn, IsOptional, Matches } from 'class-validator';
import { PROGRAMS } from '../events/event-status';

const SCHOOL_YEAR = /^\d{4}\/\d{2}$/;

export class StatisticsQuery {
  /** Only events of this school year, e.g. "2026/27". */
  @IsOptional()
  @Matches(SCHOOL_YEAR, { message: 'schoolYear' })
  schoolYear?: string;

  @IsOptional()
  @IsIn(PROGRAMS)
  program?: string;
}

export type StatisticsFilter = Pick<StatisticsQuery, 'schoolYear' | 'program'>;

/**
 * The selection of the statistics page from its address: a value the form never offers
 * (typed into the address by hand) selects nothing rather than failing the page.
 */
export function statisticsFilter(query: Record<string, unknown>): StatisticsFilter {
  const { schoolYear, program } = query;
  return {
    schoolYear: typeof schoolYear === 'string' && SCHOOL_YEAR.test(schoolYear) ? schoolYear : undefined,
    program: typeof program === 'string' && (PROGRAMS as readonly string[]).includes(program) ? program : undefined,
  };
}
