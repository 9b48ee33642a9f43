import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/environment';
import type { Locale } from '../common/errors/error-messages';
import { formatDate, formatDateTime } from '../common/time/berlin';
import { inTransaction } from '../database/transaction';
import { claimUntoldChanges, markTellingFailed, markTold, UntoldChange } from '../bookings/booking-change-feed';
import { BookingStatus, HOLDS_CAPACITY } from '../bookings/booking-status';
import { BookingOccasions, Occasion } from '../calendar/booking-occasion';
import { bookingCalendar } from '../calendar/booking-ics';
import { audienceOf, bookingMailData } from './booking-mail-data';
import { MAIL_KINDS, MailKind } from './mail-templates';
import { MailAttachment, MailCalendar, OutboxService, Recipient } from './outbox.service';
import { BookingDocuments, PdfFile } from '../documents/booking-documents';
import { BookingReads } from '../bookings/booking-reads';
import { membersByOrganisation } from './recipients';
import { organizerOf } from './organizer';


// Changes per transaction: large enough to load occasions and recipients in a few queries,
// small enough to keep the composing transaction short.
const BATCH = 100;
// A change whose mail failed this often waits for a person (its error is kept with it).
const MAX_ATTEMPTS = 5;

function mailKind(change: UntoldChange): MailKind {
  // a program may name the mail of a change (an offered Praxistage place is not a booking received)
  const named = change.details?.mail;
  if (typeof named === 'string' && (MAIL_KINDS as readonly string[]).includes(named)) return named as MailKind;
  switch (change.change) {
    case 'created':
      return change.to_status === 'waitlisted' ? 'booking-waitlisted' : change.to_status === 'pending' ? 'booking-received' : 'booking-confirmed';
    case 'waitlisted':
      return 'booking-waitlisted';
    case 'promoted':
      return 'booking-promoted';
    case 'confirmed':
      return 'booking-confirmed';
    case 'rejected':
      return 'booking-rejected';
    case 'cancelled':
      return 'booking-cancelled';
    case 'changed':
      return 'booking-changed';
    case 'day_cancelled':
      return 'placement-day-cancelled';
    case 'day_restored':
      return 'placement-day-restored';
  }
}

// The mails that confirm a place carry the booking's document (a confirmation as PDF).
const CONFIRMING: readonly MailKind[] = ['booking-confirmed', 'booking-promoted', 'booking-changed'];

// every state in words: a mail never shows a code
const STATUS_TEXT: Record<Locale, Record<BookingStatus, string>> = {
  de: { confirmed: 'bestätigt', pending: 'vorgemerkt (das Regionalmanagement bestätigt noch)', waitlisted: 'auf der Warteliste', cancelled: 'storniert', rejected: 'abgelehnt' },
  en: { confirmed: 'confirmed', pending: 'reserved (the regional management still confirms it)', waitlisted: 'on the waiting list', cancelled: 'cancelled', rejected: 'rejected' },
};

/**
 * Turns booking changes into mails to the people they concern, each in their own language,
 * with a calendar entry: REQUEST while the booking holds a place, CANCEL when it gives one
 * up. The booking's transaction leaves only its history row (`notified_at` empty), so the
 * slot's counter is never locked while mail is composed; the outbox worker calls this after
 * the commit. Claimed with SKIP LOCKED and marked in the same transaction as the mails it
 * writes: every change becomes its mails exactly once, whichever instance gets to it, and a
 * crash before the commit leaves the change for the next pass.
 */
@Injectable()
export class BookingChangeMails {
  private readonly logger = new Logger('BookingChangeMails');

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly occasions: BookingOccasions,
    private readonly documents: BookingDocuments,
    private readonly reads: BookingReads,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Composes the mails of every change not yet notified; returns how many changes were claimed. */
  async composePending(): Promise<number> {
    let claimed = 0;
    for (;;) {
      const batch = await inTransaction(this.dataSource, (manager) => this.composeBatch(manager));
      claimed += batch;
      if (batch < BATCH) return claimed;
    }
  }

  /**
   * One change that cannot be turned into mail must not hold up the others behind it: when
   * the batch fails, it is composed again change by change (each under a savepoint), and a
   * change that fails alone is set aside with its error, tried again on later passes up to
   * MAX_ATTEMPTS times, and logged.
   */
  private async composeBatch(manager: EntityManager): Promise<number> {
    const changes = await claimUntoldChanges(manager, BATCH, MAX_ATTEMPTS);
    if (changes.length === 0) return 0;
    if ((await this.underSavepoint(manager, () => this.compose(manager, changes))) === true) return changes.length;
    for (const change of changes) {
      const failure = await this.underSavepoint(manager, () => this.compose(manager, [change]));
      if (failure === true) continue;
      this.logger.error(`mail for booking change ${change.id} (booking ${change.booking_id}) not composed: ${failure}`);
      await markTellingFailed(manager, change.id, failure);
    }
    return changes.length;
  }

  /** True if `work` succeeded; else its error message, with everything it wrote undone. */
  private async underSavepoint(manager: EntityManager, work: () => Promise<void>): Promise<true | string> {
    await manager.query('SAVEPOINT compose');
    try {
      await work();
      await manager.query('RELEASE SAVEPOINT compose');
      return true;
    } catch (error) {
      await manager.query('ROLLBACK TO SAVEPOINT compose');
      return String((error as Error)?.message ?? error);
    }
  }

  private async compose(manager: EntityManager, changes: UntoldChange[]): Promise<void> {
    const occasions = new Map(
      (await this.occasions.load(manager, [...new Set(changes.map((c) => c.booking_id))])).map((o) => [o.bookingId, o]),
    );
    const members = await membersByOrganisation(manager, [...occasions.values()]);
    const cancellers = await this.actorLabels(
      manager,
      changes.filter((c) => c.change === 'cancelled').map((c) => c.actor_id),
    );
    const documents = await this.documentsFor(manager, changes, occasions, members);
    const mails = changes.flatMap((change) => {
      const current = occasions.get(change.booking_id);
      if (!current) return [];
      // The booking as this change left it; what, when and where as they are now.
      const occasion: Occasion = { ...current, status: change.to_status, version: change.booking_version ?? current.version };
      const by = change.change === 'cancelled' ? cancellers.get(change.actor_id ?? '') : undefined;
      return this.outbox.render(
        mailKind(change),
        audienceOf(occasion, members),
        (locale, recipient) => ({
          ...bookingMailData(occasion, locale, recipient, this.config.PUBLIC_URL),
          reason: change.reason,
          by: by?.[locale] ?? null,
          statusText: STATUS_TEXT[locale][change.to_status as BookingStatus],
          day: typeof change.details?.date === 'string' ? formatDate(change.details.date, locale) : null,
          until: typeof change.details?.offeredUntil === 'string' ? formatDateTime(change.details.offeredUntil, locale) : null,
        }),
        { bookingId: occasion.bookingId, calendar: this.calendarFor(change, occasion), attachment: documents.get(change.id) },
      );
    });
    await this.outbox.insert(manager, mails);
    await markTold(manager, changes.map((c) => c.id));
  }

  /**
   * The documents the confirming mails carry, per change and language, rendered here while
   * the mail is composed (after the booking's commit, never inside it). The document maker
   * refuses anything about a pupil, so placement mails go without.
   */
  private async documentsFor(
    manager: EntityManager,
    changes: UntoldChange[],
    occasions: Map<string, Occasion>,
    members: Map<string, Recipient[]>,
  ): Promise<Map<string, MailAttachment>> {
    const confirming = changes.filter((c) => c.to_status === 'confirmed' && CONFIRMING.includes(mailKind(c)) && occasions.has(c.booking_id));
    const attachments = new Map<string, MailAttachment>();
    if (confirming.length === 0) return attachments;
    const rows = new Map((await this.reads.occasionRows(manager, [...new Set(confirming.map((c) => c.booking_id))])).map((r) => [r.id, r]));
    for (const change of confirming) {
      const row = rows.get(change.booking_id)!;
      const files = new Map<Locale, PdfFile | null>();
      for (const { locale } of audienceOf(occasions.get(change.booking_id)!, members)) {
        if (!files.has(locale)) files.set(locale, await this.documents.forMail(manager, row, locale));
      }
      attachments.set(change.id, (locale) => files.get(locale) ?? null);
    }
    return attachments;
  }

  /** A calendar entry while the booking holds a place; a cancellation when it gives one up. */
  private calendarFor(change: UntoldChange, occasion: Occasion): MailCalendar | undefined {
    const holds = HOLDS_CAPACITY.includes(change.to_status);
    const held = change.from_status !== null && HOLDS_CAPACITY.includes(change.from_status);
    const method = holds ? 'REQUEST' : held ? 'CANCEL' : undefined;
    if (!method) return undefined;
    return {
      method,
      content: (locale) =>
        bookingCalendar([occasion], { method, locale, publicUrl: this.config.PUBLIC_URL, organizer: organizerOf(this.config) }),
    };
  }

  /**
   * Who cancelled, by actor id ('' for the system): "dem Regionalmanagement" for staff,
   * "Anna Schmidt (Lessingschule)" for a member.
   */
  private async actorLabels(manager: EntityManager, actorIds: Array<string | null>): Promise<Map<string, Record<Locale, string>>> {
    const labels = new Map<string, Record<Locale, string>>([['', { de: 'Praxisnah', en: 'Praxisnah' }]]);
    const ids = [...new Set(actorIds.filter((id): id is string => !!id))];
    if (ids.length === 0) return labels;
    const actors: Array<{ id: string; name: string; role: string; organisation: string | null }> = await manager.query(
      `SELECT u.id, u.name, u.role, coalesce(c.name, s.name) AS organisation
         FROM users u LEFT JOIN companies c ON c.id = u.company_id LEFT JOIN schools s ON s.id = u.school_id WHERE u.id = ANY($1::uuid[])`,
      [ids],
    );
    for (const id of ids) {
      const actor = actors.find((a) => a.id === id);
      const label =
        !actor || actor.role === 'organiser' || actor.role === 'partner'
          ? { de: 'dem Regionalmanagement', en: 'the regional management' }
          : { de: `${actor.name} (${actor.organisation})`, en: `${actor.name} (${actor.organisation})` };
      labels.set(id, label);
    }
    return labels;
  }
}
