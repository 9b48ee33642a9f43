import { setAsideChanges } from '../bookings/booking-change-feed';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Locale } from '../common/errors/error-messages';
import { MailKind, MailTemplates } from './mail-templates';
import { CalendarMethod, OutboxMail } from './outbox-mail.entity';

export interface Recipient {
  email: string;
  locale: Locale;
  name: string;
}

/** A document sent along, made per language before the mails are rendered. */
export type MailAttachment = (locale: Locale) => { filename: string; body: Buffer } | null;

export interface MailCalendar {
  method: CalendarMethod;
  /** The .ics text, built per language. */
  content: (locale: Locale) => string;
}

/**
 * Writes mails into the outbox, always with the caller's transaction manager: the mail
 * exists if and only if the change that caused it was committed.
 */
@Injectable()
export class OutboxService {
  private readonly templates = new MailTemplates();

  constructor(private readonly dataSource: DataSource) {}

  /** The newest mails with their text, for the organisers' outbox page. */
  recent(limit = 100) {
    return this.dataSource.query(
      `SELECT id, recipient, subject, status, attempts, last_error, created_at, text_body FROM outbox_mails ORDER BY created_at DESC LIMIT $1`,
      [limit],
    );
  }

  /** Booking changes whose mail could not be written, with the error: rare, but a person must see them. */
  unmailedChanges(limit = 100) {
    return setAsideChanges(this.dataSource.manager, limit);
  }

  async enqueue(
    manager: EntityManager,
    kind: MailKind,
    recipients: Recipient[],
    data: (locale: Locale, recipient: Recipient) => object,
    options: { bookingId?: string; calendar?: MailCalendar; attachment?: MailAttachment } = {},
  ): Promise<void> {
    await this.insert(manager, this.render(kind, recipients, data, options));
  }

  /** One mail per distinct address, rendered in the recipient's language; not yet written. */
  render(
    kind: MailKind,
    recipients: Recipient[],
    data: (locale: Locale, recipient: Recipient) => object,
    options: { bookingId?: string; calendar?: MailCalendar; attachment?: MailAttachment } = {},
  ): Array<Partial<OutboxMail>> {
    const seen = new Set<string>();
    const calendars = new Map<Locale, string | null>(); // one calendar entry per language, not per person
    const calendarIn = (locale: Locale) => {
      if (!calendars.has(locale)) calendars.set(locale, options.calendar?.content(locale) ?? null);
      return calendars.get(locale)!;
    };
    return recipients
      .filter((r) => !seen.has(r.email) && seen.add(r.email))
      .map((recipient) => {
        const mail = this.templates.render(kind, recipient.locale, data(recipient.locale, recipient));
        const attachment = options.attachment?.(recipient.locale) ?? null;
        return {
          kind,
          recipient: recipient.email,
          locale: recipient.locale,
          subject: mail.subject,
          textBody: mail.text,
          htmlBody: mail.html,
          calendar: calendarIn(recipient.locale),
          calendarMethod: options.calendar?.method ?? null,
          attachment: attachment?.body ?? null,
          attachmentName: attachment?.filename ?? null,
          bookingId: options.bookingId ?? null,
        };
      });
  }

  /** Writes rendered mails with the caller's transaction, in one statement; their ids in the same order. */
  async insert(manager: EntityManager, mails: Array<Partial<OutboxMail>>): Promise<string[]> {
    if (mails.length === 0) return [];
    const written = await manager.insert(OutboxMail, mails as never);
    return written.identifiers.map((row) => row.id as string);
  }
}
