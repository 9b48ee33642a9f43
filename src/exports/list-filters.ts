import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { CalendarDate } from '../common/validation/rules';
import { District, DISTRICT_KEYS } from '../organisations/region';

export const EXPORT_FORMATS = ['csv', 'xlsx', 'html'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export class ListQuery {
  /** csv (German Excel), xlsx, or html (to print). */
  @IsOptional()
  @IsIn(EXPORT_FORMATS)
  format?: ExportFormat = 'csv';

  /** Which bookings: confirmed (default), waitlisted, pending, or all live ones. */
  @IsOptional()
  @IsIn(['confirmed', 'waitlisted', 'pending', 'all'])
  status?: 'confirmed' | 'waitlisted' | 'pending' | 'all' = 'confirmed';

  /** Only this day (class visits, sessions) or placements running on it. */
  @CalendarDate({ optional: true })
  date?: string;

  /** Only organisations of this district (schools for visits and the roster, companies for stands). */
  @IsOptional()
  @IsIn(DISTRICT_KEYS)
  district?: District;

  /** Attendance sheet: the company. */
  @IsOptional()
  @IsUUID()
  companyId?: string;

  /** Attendance sheet: the month, YYYY-MM. */
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month' })
  month?: string;
}

/** The statuses a filter means, as SQL array parameter. */
export const statusesOf = (status: ListQuery['status']) =>
  status === 'all' ? ['pending', 'confirmed', 'waitlisted'] : [status ?? 'confirmed'];
