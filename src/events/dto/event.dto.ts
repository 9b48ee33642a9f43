import { PartialType, OmitType } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsUUID } from 'class-validator';
import { PageQuery } from '../../common/http/pagination';
import { CalendarDate, Instant, Text, TextList, WholeNumber, Omittable, NOT_NULL } from '../../common/validation/rules';
import { EVENT_STATUSES, EventStatus, Program, PROGRAMS } from '../event-status';

export class CreateEventDto {
  @IsIn(PROGRAMS)
  program: Program;

  /** e.g. "Deine Region dein Handwerk 2027". */
  @Text(200)
  title: string;

  @Text(5000, { optional: true })
  description?: string;

  /** Where it takes place, e.g. "HABI-Gelände Nordhausen". */
  @Text(300)
  venue: string;

  /** The (first) day; for Praxistage the first day of the term. */
  @CalendarDate()
  startsOn: string;

  /** The last day (the same as startsOn for a one-day event). */
  @CalendarDate()
  endsOn: string;

  /** ISO 8601; without an offset, German local time. */
  @Instant()
  registrationOpensAt: Date;

  @Instant()
  registrationClosesAt: Date;

  /** Until then bookers may cancel themselves. */
  @Instant()
  cancellationDeadline: Date;

  /** New bookings wait for an organiser's confirmation. Stand applications always do. */
  @Omittable()
  @IsBoolean()
  requiresApproval?: boolean;

  /** Handwerkertag: how many stands the fair has (required there). */
  @WholeNumber(1, 1000, { optional: true })
  standCount?: number;

  /** Schule trifft Wirtschaft: the host school (required there). */
  @Omittable()
  @IsUUID()
  hostSchoolId?: string;

  /** Schule trifft Wirtschaft: occupational fields the school would like companies from. */
  @TextList(30, 100)
  requestedOccupationalFields?: string[];
}

export class UpdateEventDto extends PartialType(OmitType(CreateEventDto, ['program', 'hostSchoolId'] as const), NOT_NULL) {}

export class ChangeEventStatusDto {
  @IsIn(EVENT_STATUSES)
  status: EventStatus;

  /** Why (shown in the history of cancelled bookings). */
  @Text(1000, { optional: true })
  reason?: string;
}

export class EventListQuery extends PageQuery {
  @Omittable()
  @IsIn(PROGRAMS)
  program?: Program;

  @Omittable()
  @IsIn(EVENT_STATUSES)
  status?: EventStatus;

  /** Only events ending on or after this date (YYYY-MM-DD), e.g. today for "upcoming". */
  @CalendarDate({ optional: true })
  from?: string;
}

/** The same event on a new date: every date and time moves by the same number of days. */
export class CopyEventDto {
  /** The copy's first day; its other dates keep their distance to it. */
  @CalendarDate()
  startsOn: string;

  /** Without it, the original's title with its year(s) moved along. */
  @Text(200, { optional: true })
  title?: string;

  /**
   * Also copy what the program set up inside the event (default true): a fair's time slots,
   * a school day's periods and rooms, a Praxistage term's offers. Bookings are never copied.
   */
  @Omittable()
  @IsBoolean()
  withContents?: boolean;
}
