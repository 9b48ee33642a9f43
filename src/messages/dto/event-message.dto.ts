import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsUUID, Matches } from 'class-validator';
import { BOOKING_STATUSES, BookingStatus } from '../../bookings/booking-status';
import { Omittable, Text } from '../../common/validation/rules';

export const ORGANISATION_KINDS = ['company', 'school'] as const;
export type MessageOrganisationKind = (typeof ORGANISATION_KINDS)[number];

// a subject is a mail header: one line
const ONE_LINE = /^[^\r\n]*$/;

/**
 * A message to the bookers of an event: its text, and whom of them it is for. Every filter
 * that is left out (or empty) takes its default, so a message with none reaches everyone
 * whose booking is live.
 */
export class EventMessageDto {
  /** The subject in German (one line). */
  @Text(200)
  @Matches(ONE_LINE, { message: 'singleLine' })
  subjectDe: string;

  /** The text in German; an empty line starts a new paragraph. */
  @Text(10_000)
  textDe: string;

  /** The subject in English; with textEn, or neither. Readers of English get the German message without them. */
  @Text(200, { optional: true })
  @Matches(ONE_LINE, { message: 'singleLine' })
  subjectEn?: string;

  /** The text in English; with subjectEn, or neither. */
  @Text(10_000, { optional: true })
  textEn?: string;

  /** Only bookings in these states; default: the live ones (pending, confirmed, waitlisted). */
  @Omittable()
  @IsArray()
  @ArrayUnique()
  @IsIn(BOOKING_STATUSES, { each: true })
  statuses?: BookingStatus[];

  /** Only bookings holding a place in one of these time slots (Handwerkertag); default: any booking. */
  @Omittable()
  @IsArray()
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  slotIds?: string[];

  /** To the bookings' companies, their schools, or both (default). */
  @Omittable()
  @IsArray()
  @ArrayUnique()
  @IsIn(ORGANISATION_KINDS, { each: true })
  organisationKinds?: MessageOrganisationKind[];
}
