import type { BookingStatus } from '../../bookings/booking-status';
import type { Locale } from '../../common/errors/error-messages';
import type { OutboxStatus } from '../../notifications/outbox-mail.entity';
import type { MessageOrganisationKind } from './event-message.dto';

/** The message in one language, as the people who read that language get it. */
export class MessageMailPreviewDto {
  locale: Locale;
  /** How many of the people reached get the message in this language. */
  people: number;
  subject: string;
  text: string;
}

/** Whom a message would reach, and what they would read; nothing is sent. */
export class MessagePreviewDto {
  /** The bookings that match the filter. */
  bookings: number;
  /** The companies and schools holding them. */
  organisations: number;
  /** Their members, each once: the people who get a mail. */
  people: number;
  /** Of them, those who chose English: without an English version they get the German mail. */
  englishReaders: number;
  /** The filter as applied, with its defaults. */
  statuses: BookingStatus[];
  slotIds: string[];
  organisationKinds: MessageOrganisationKind[];
  /** The German mail, and the English one where the message has an English version. */
  mails: MessageMailPreviewDto[];
}

/** One person a message went to, with the state of their mail. */
export class MessageRecipientDto {
  email: string;
  /** The language the mail was written in (German where the message had no English version). */
  locale: Locale;
  /** The company or school through which the person was reached. */
  organisation: string | null;
  organisationKind: MessageOrganisationKind | null;
  /** pending: waits for the mail server; sent; failed after every attempt (see the outbox). */
  state: OutboxStatus;
  sentAt: Date | null;
  lastError: string | null;
}

/** A message as it was sent, with its recipients. */
export class EventMessageViewDto {
  id: string;
  eventId: string;
  subjectDe: string;
  textDe: string;
  subjectEn: string | null;
  textEn: string | null;
  statuses: BookingStatus[];
  slotIds: string[];
  organisationKinds: MessageOrganisationKind[];
  bookings: number;
  organisations: number;
  people: number;
  sentAt: Date;
  sentByName: string | null;
  recipients: MessageRecipientDto[];
}

export class EventMessageListDto {
  /** The newest first. */
  items: EventMessageViewDto[];
}
