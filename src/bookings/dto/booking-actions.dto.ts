import { IsIn, IsUUID } from 'class-validator';
import { PageQuery } from '../../common/http/pagination';
import { Text, WholeNumber, Omittable } from '../../common/validation/rules';
import { DISTRICT_KEYS, District } from '../../organisations/region';
import { BOOKING_KINDS, BOOKING_STATUSES, BookingKind, BookingStatus } from '../booking-status';

export class ConfirmBookingDto {
  /** Stand applications: the stand number, unique within the fair (required there). */
  @WholeNumber(1, 10_000, { optional: true })
  standNumber?: number;
}

export class ReasonDto {
  /** Why — shown in the booking's history and the mail. */
  @Text(1000, { optional: true })
  reason?: string;
}

export class BookingListQuery extends PageQuery {
  @Omittable()
  @IsUUID()
  eventId?: string;

  @Omittable()
  @IsIn(BOOKING_KINDS)
  kind?: BookingKind;

  @Omittable()
  @IsIn(BOOKING_STATUSES)
  status?: BookingStatus;

  /** One capacity: a Handwerkertag time slot, a practicum offer's weekday. */
  @Omittable()
  @IsUUID()
  bookableId?: string;

  /** Organisers and partners: the bookings of one school. */
  @Omittable()
  @IsUUID()
  schoolId?: string;

  /** Organisers and partners: the bookings of one company. */
  @Omittable()
  @IsUUID()
  companyId?: string;

  /** The booking school's or company's district. */
  @Omittable()
  @IsIn(DISTRICT_KEYS)
  district?: District;

  /** Part of the booking school's or company's name. */
  @Text(100, { optional: true })
  q?: string;
}
