import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { BookingReads, OccasionRow } from '../bookings/booking-reads';
import type { Locale } from '../common/errors/error-messages';
import { formatDate, formatDateTime } from '../common/time/berlin';
import type { BookingKind, BookingStatus } from '../bookings/booking-status';
import type { PlacementDay, SkippedDate } from './placement-dates';

export type Timing =
  | { type: 'days'; firstDay: string; lastDay: string }
  | { type: 'span'; startsAt: Date; endsAt: Date }
  | { type: 'weekly'; weekday: number; dailyStart: string; dailyEnd: string; days: PlacementDay[]; skipped: SkippedDate[] };

/** A booking as people meet it: what, when, where — for mails, .ics files and feeds. */
export interface Occasion {
  bookingId: string;
  kind: BookingKind;
  status: BookingStatus;
  version: number;
  eventId: string;
  eventTitle: string;
  companyId: string | null;
  schoolId: string | null;
  companyName: string | null;
  schoolName: string | null;
  timing: Timing;
  location: string;
  summary: Record<Locale, string>;
  what: Record<Locale, string>;
  updatedAt: Date;
}

const WEEKDAYS = {
  de: ['', 'Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag'],
  en: ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'],
};

// Made once: building a formatter costs far more than using it.
const CLOCK = new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit' });
const time = (instant: Date) => CLOCK.format(instant);

/** When, in words: "08.05.2027, 08:30 – 10:00 Uhr" or "jeden Freitag, 07:30 – 14:00 Uhr, …". */
export function describeTiming(timing: Timing, locale: Locale): string {
  const clock = locale === 'de' ? ' Uhr' : '';
  switch (timing.type) {
    case 'days':
      return timing.firstDay === timing.lastDay
        ? formatDate(timing.firstDay, locale)
        : `${formatDate(timing.firstDay, locale)} – ${formatDate(timing.lastDay, locale)}`;
    case 'span':
      return `${formatDateTime(timing.startsAt, locale)} – ${time(timing.endsAt)}${clock}`;
    case 'weekly': {
      const first = timing.days[0]?.date;
      const last = timing.days.at(-1)?.date;
      const range = first && last ? (locale === 'de' ? `, vom ${formatDate(first, 'de')} bis ${formatDate(last, 'de')}` : `, from ${formatDate(first, 'en')} to ${formatDate(last, 'en')}`) : '';
      const count = locale === 'de' ? ` (${timing.days.length} Termine)` : ` (${timing.days.length} days)`;
      const every = locale === 'de' ? `jeden ${WEEKDAYS.de[timing.weekday]}` : `every ${WEEKDAYS.en[timing.weekday]}`;
      return `${every}, ${timing.dailyStart.slice(0, 5)} – ${timing.dailyEnd.slice(0, 5)}${clock}${range}${count}`;
    }
  }
}

export type { OccasionRow };

/** What a kind of booking says of itself: when, where, and in words. */
export type Described = Pick<Occasion, 'timing' | 'location' | 'summary' | 'what'>;

/**
 * How the bookings of one kind read in mails, calendars and pages, given by the program the
 * kind belongs to (registered at start). It describes a whole batch at once, so a feed or a
 * batch of mails costs a few queries, not a few per booking.
 */
export interface OccasionDescriber {
  kind: BookingKind;
  describe(manager: EntityManager, rows: OccasionRow[]): Promise<Map<string, Described>>;
}

/** Bookings as people meet them, whatever their program: each kind described by its program. */
@Injectable()
export class BookingOccasions {
  private readonly describers = new Map<BookingKind, OccasionDescriber>();

  constructor(
    private readonly reads: BookingReads,
    private readonly dataSource: DataSource,
  ) {}

  register(describer: OccasionDescriber) {
    if (this.describers.has(describer.kind)) throw new Error(`occasions of ${describer.kind} are described twice`);
    this.describers.set(describer.kind, describer);
  }

  /** The bookings' occasions, read outside any transaction (pages). */
  ofBookings(bookingIds: string[]): Promise<Occasion[]> {
    return this.load(this.dataSource.manager, bookingIds);
  }

  async load(manager: EntityManager, bookingIds: string[]): Promise<Occasion[]> {
    if (bookingIds.length === 0) return [];
    const rows = await this.reads.occasionRows(manager, bookingIds);
    const described = new Map<string, Described>();
    for (const kind of new Set(rows.map((row) => row.kind))) {
      const describer = this.describers.get(kind);
      if (!describer) throw new Error(`no program describes bookings of kind ${kind}`);
      for (const [id, what] of await describer.describe(manager, rows.filter((row) => row.kind === kind))) described.set(id, what);
    }
    return rows.map((row) => ({
      bookingId: row.id,
      kind: row.kind,
      status: row.status,
      version: row.version,
      eventId: row.event_id,
      eventTitle: row.title,
      companyId: row.company_id,
      schoolId: row.school_id,
      companyName: row.company_name,
      schoolName: row.school_name,
      updatedAt: row.updated_at,
      ...described.get(row.id)!,
    }));
  }
}
