import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQuery } from '../common/http/pagination';
import { CalendarDate } from '../common/validation/rules';

export class AuditQuery extends PageQuery {
  @IsOptional()
  @IsIn(['company', 'school', 'school_class', 'pupil', 'event', 'practicum_offer', 'time_slot', 'check_in', 'booking'])
  entityType?: string;

  @IsOptional()
  @IsUUID()
  entityId?: string;

  /** Changes by this person. */
  @IsOptional()
  @IsUUID()
  actorId?: string;

  /** From this day (YYYY-MM-DD, German time). */
  @CalendarDate({ optional: true })
  from?: string;

  /** Until this day, inclusive. */
  @CalendarDate({ optional: true })
  to?: string;
}
