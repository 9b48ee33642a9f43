import { Inject, Injectable } from '@nestjs/common';
import type { Locale } from '../common/errors/error-messages';
import { formatDate } from '../common/time/berlin';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/environment';
import type { Event } from '../events/event.entity';
import { OutboxMail } from '../notifications/outbox-mail.entity';
import { OutboxService, Recipient } from '../notifications/outbox.service';

/** What a message says, in German and (both or neither) English. */
export interface MessageText {
  subjectDe: string;
  textDe: string;
  subjectEn: string | null;
  textEn: string | null;
}

/** The language a person gets a message in: their own, but German where there is no English version. */
export const mailLocale = (reader: Locale, message: MessageText): Locale => (reader === 'en' && message.subjectEn !== null ? 'en' : 'de');

/** The message in each language it is sent in, for the organiser to read before sending. */
export interface MailPreview {
  locale: Locale;
  /** How many of the people reached get it in this language. */
  people: number;
  subject: string;
  text: string;
}

/** The mails of a message: one per person, in their language, inside the mail layout of every Praxisnah mail. */
@Injectable()
export class MessageMails {
  constructor(
    private readonly outbox: OutboxService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** One mail per recipient, in the recipients' order; not yet written. */
  render(event: Event, message: MessageText, recipients: Recipient[]): Array<Partial<OutboxMail>> {
    const inTheirLanguage = recipients.map((r) => ({ ...r, locale: mailLocale(r.locale, message) }));
    return this.outbox.render('event-message', inTheirLanguage, (locale, recipient) => this.data(event, message, locale, recipient.name));
  }

  /** The German mail, and the English one where there is an English version, each with how many get it. */
  preview(event: Event, message: MessageText, recipients: Recipient[], sampleName: string): MailPreview[] {
    const locales: Locale[] = message.subjectEn !== null ? ['de', 'en'] : ['de'];
    return locales.map((locale) => {
      const readers = recipients.filter((r) => mailLocale(r.locale, message) === locale);
      const [mail] = this.outbox.render('event-message', [{ email: 'preview', locale, name: readers[0]?.name ?? sampleName }], (l, r) => this.data(event, message, l, r.name));
      return { locale, people: readers.length, subject: mail.subject!, text: mail.textBody! };
    });
  }

  private data(event: Event, message: MessageText, locale: Locale, name: string) {
    const english = locale === 'en';
    const days = [event.startsOn, event.endsOn].filter((day, i, all) => all.indexOf(day) === i).map((day) => formatDate(day, locale));
    return {
      name,
      subject: english ? message.subjectEn : message.subjectDe,
      text: english ? message.textEn : message.textDe,
      eventTitle: event.title,
      when: days.join(' – '),
      url: `${this.config.PUBLIC_URL}/veranstaltungen/${event.id}`,
    };
  }
}
