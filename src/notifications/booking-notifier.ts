import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/environment';
import type { Locale } from '../common/errors/error-messages';
import { formatDate } from '../common/time/berlin';
import { BookingChangeListener, RecordedChange } from '../bookings/booking-change-listener';
import { BookingKind, HOLDS_CAPACITY } from '../bookings/booking-status';
import { BookingOccasions, describeTiming, Occasion } from '../calendar/booking-occasion';
import { bookingCalendar } from '../calendar/booking-ics';
import { MailKind } from './mail-templates';
import { MailCalendar, OutboxService } from './outbox.service';
import { membersOf } from './recipients';
import { organizerOf } from './organizer';

/** Who hears of a booking: its booker and, where it matters, the other side. */
export const AUDIENCE: Record<BookingKind, { company: boolean; school: boolean }> = {
  stand: { company: true, school: false },
  class_visit: { company: false, school: true },
  day_registration: { company: true, school: false },
  session: { company: true, school: true }, // the company, and the host school of the grid
  placement: { company: true, school: true }, // the school, and the company taking the pupil
};

function mailKind(change: RecordedChange): MailKind {
  switch (change.change) {
    case 'created':
      return change.toStatus === 'waitlisted' ? 'booking-waitlisted' : change.toStatus === 'pending' ? 'booking-received' : 'booking-confirmed';
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

const STATUS_TEXT: Record<Locale, Record<string, string>> = {
  de: { confirmed: 'bestätigt', pending: 'vorgemerkt (das Regionalmanagement bestätigt noch)' },
  en: { confirmed: 'confirmed', pending: 'reserved (the regional management still confirms it)' },
};

/**
 * Turns every booking change into mails to the people it concerns, each in their own
 * language, with a calendar entry: REQUEST while the booking holds a place, CANCEL when it
 * gives one up. Runs inside the change's transaction, so a rolled-back booking sends nothing.
 */
@Injectable()
export class BookingNotifier implements BookingChangeListener {
  constructor(
    private readonly outbox: OutboxService,
    private readonly occasions: BookingOccasions,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async changed(manager: EntityManager, change: RecordedChange): Promise<void> {
    const [occasion] = await this.occasions.load(manager, [change.bookingId]);
    const audience = AUDIENCE[occasion.kind];
    const recipients = await membersOf(manager, {
      companyIds: audience.company ? [occasion.companyId] : [],
      schoolIds: audience.school ? [occasion.schoolId] : [],
    });
    const by = change.change === 'cancelled' ? await this.actorLabel(manager, change.actorId) : null;
    const url = `${this.config.PUBLIC_URL}/buchungen/${occasion.bookingId}`;
    await this.outbox.enqueue(
      manager,
      mailKind(change),
      recipients,
      (locale, recipient) => ({
        name: recipient.name,
        eventTitle: occasion.eventTitle,
        what: occasion.what[locale],
        when: describeTiming(occasion.timing, locale),
        where: occasion.location,
        url,
        reason: change.reason,
        by: by?.[locale] ?? null,
        statusText: STATUS_TEXT[locale][change.toStatus] ?? change.toStatus,
        day: typeof change.details.date === 'string' ? formatDate(change.details.date, locale) : null,
      }),
      { bookingId: occasion.bookingId, calendar: this.calendarFor(change, occasion) },
    );
    await manager.query(`UPDATE booking_changes SET notified_at = now() WHERE id = $1`, [change.id]);
  }

  /** A calendar entry while the booking holds a place; a cancellation when it gives one up. */
  private calendarFor(change: RecordedChange, occasion: Occasion): MailCalendar | undefined {
    const holds = HOLDS_CAPACITY.includes(change.toStatus);
    const held = change.fromStatus !== null && HOLDS_CAPACITY.includes(change.fromStatus);
    const method = holds ? 'REQUEST' : held ? 'CANCEL' : undefined;
    if (!method) return undefined;
    return {
      method,
      content: (locale) =>
        bookingCalendar([occasion], { method, locale, publicUrl: this.config.PUBLIC_URL, organizer: organizerOf(this.config) }),
    };
  }

  /** "dem Regionalmanagement" or "Anna Schmidt (Lessingschule)": who cancelled. */
  private async actorLabel(manager: EntityManager, actorId: string | null): Promise<Record<Locale, string>> {
    if (!actorId) return { de: 'Praxisnah', en: 'Praxisnah' };
    const [actor] = await manager.query(
      `SELECT u.name, u.role, coalesce(c.name, s.name) AS organisation
         FROM users u LEFT JOIN companies c ON c.id = u.company_id LEFT JOIN schools s ON s.id = u.school_id WHERE u.id = $1`,
      [actorId],
    );
    if (!actor || actor.role === 'organiser' || actor.role === 'partner') {
      return { de: 'dem Regionalmanagement', en: 'the regional management' };
    }
    return { de: `${actor.name} (${actor.organisation})`, en: `${actor.name} (${actor.organisation})` };
  }
}
