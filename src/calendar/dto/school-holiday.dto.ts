import { Matches } from 'class-validator';
import { CalendarDate, Text } from '../../common/validation/rules';

export const SCHOOL_YEAR = /^\d{4}\/\d{2}$/;

export class SchoolHolidayDto {
  /** e.g. "2026/27". */
  @Matches(SCHOOL_YEAR, { message: 'schoolYear' })
  schoolYear: string;

  /** e.g. "Herbstferien". */
  @Text(100)
  name: string;

  /** First day without school (YYYY-MM-DD). */
  @CalendarDate()
  firstDay: string;

  /** Last day without school, inclusive. */
  @CalendarDate()
  lastDay: string;
}

export class SchoolYearQuery {
  @Matches(SCHOOL_YEAR, { message: 'schoolYear' })
  schoolYear: string;
}
