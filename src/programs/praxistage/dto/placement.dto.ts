import { IsUUID } from 'class-validator';
import { CalendarDate, Text, WholeNumber } from '../../../common/validation/rules';

export class PlacementDto {
  @IsUUID()
  offerId: string;

  /** ISO weekday offered by the offer: 1 = Monday … 5 = Friday. */
  @WholeNumber(1, 5)
  weekday: number;

  /** A pupil of the booking school (with recorded consent). */
  @IsUUID()
  pupilId: string;

  /** Defaults to the offer's first date. */
  @CalendarDate({ optional: true })
  firstDate?: string;

  /** Defaults to the offer's last date. */
  @CalendarDate({ optional: true })
  lastDate?: string;
}

export class PlacementExceptionDto {
  /** The practice day that does not take place (YYYY-MM-DD). */
  @CalendarDate()
  date: string;

  /** e.g. "krank" or "Schulveranstaltung". */
  @Text(300)
  reason: string;
}
