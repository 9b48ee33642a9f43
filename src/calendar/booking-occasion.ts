import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Locale } from '../common/errors/error-messages';
import { formatDate, formatDateTime } from '../common/time/berlin';
import type { BookingKind, BookingStatus } from '../bookings/booking-status';
import type { PlacementDay, SkippedDate } from './placement-dates';
import { PlacementScheduleService } from './placement-schedule.service';

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

@Injectable()
export class BookingOccasions {
  constructor(private readonly schedules: PlacementScheduleService) {}

  async load(manager: EntityManager, bookingIds: string[]): Promise<Occasion[]> {
    if (bookingIds.length === 0) return [];
    const rows: Array<Record<string, any>> = await manager.query(
      `SELECT b.id, b.kind, b.status, b.version, b.event_id, b.company_id, b.school_id, b.quantity, b.stand_number,
              b.details, b.weekday, b.first_date::text AS first_date, b.last_date::text AS last_date, b.team, b.updated_at,
              e.title, e.venue, e.starts_on::text AS starts_on, e.ends_on::text AS ends_on,
              c.name AS company_name, s.name AS school_name,
              vc.name AS visit_class, ts.starts_at AS slot_starts, ts.ends_at AS slot_ends,
              p.number AS period_number, p.starts_at AS period_starts, p.ends_at AS period_ends,
              sc.name AS session_class, r.name AS room_name,
              o.occupational_field, o.daily_start::text AS daily_start, o.daily_end::text AS daily_end, o.mentor,
              o.street AS offer_street, o.postal_code AS offer_postal_code, o.town AS offer_town,
              pu.first_name, pu.last_name, pc.name AS pupil_class
         FROM bookings b
         JOIN events e ON e.id = b.event_id
         LEFT JOIN companies c ON c.id = b.company_id
         LEFT JOIN schools s ON s.id = b.school_id
         LEFT JOIN school_classes vc ON vc.id = b.school_class_id
         LEFT JOIN time_slots ts ON ts.id = b.bookable_id AND b.kind = 'class_visit'
         LEFT JOIN event_periods p ON p.id = b.period_id
         LEFT JOIN event_classes ec ON ec.id = b.event_class_id
         LEFT JOIN school_classes sc ON sc.id = ec.school_class_id
         LEFT JOIN event_rooms r ON r.id = b.room_id
         LEFT JOIN practicum_offers o ON o.id = b.offer_id
         LEFT JOIN pupils pu ON pu.id = b.pupil_id
         LEFT JOIN school_classes pc ON pc.id = pu.class_id
        WHERE b.id = ANY($1)
        ORDER BY b.created_at, b.id`,
      [bookingIds],
    );
    const schedules = await this.schedules.ofMany(
      manager,
      rows
        .filter((row) => row.kind === 'placement')
        .map((row) => ({
          bookingId: row.id,
          weekday: row.weekday,
          firstDate: row.first_date,
          lastDate: row.last_date,
          dailyStart: row.daily_start,
          dailyEnd: row.daily_end,
        })),
    );
    return rows.map((row) => this.occasion(row, schedules));
  }

  private occasion(row: Record<string, any>, schedules: Map<string, { days: PlacementDay[]; skipped: SkippedDate[] }>): Occasion {
    const base = {
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
    };
    const allDays: Timing = { type: 'days', firstDay: row.starts_on, lastDay: row.ends_on };
    switch (row.kind as BookingKind) {
      case 'stand': {
        const d = row.details ?? {};
        const number = row.stand_number ? { de: ` Nr. ${row.stand_number}`, en: ` no. ${row.stand_number}` } : { de: '', en: '' };
        return {
          ...base,
          timing: allDays,
          location: row.venue,
          summary: { de: `Stand${number.de}: ${row.title}`, en: `Stand${number.en}: ${row.title}` },
          what: {
            de: `Stand${number.de} von ${row.company_name} (${d.standSize}, ${d.location === 'outdoor' ? 'draußen' : 'drinnen'}${d.powerNeeded ? ', mit Strom' : ''}); Mitmachaktion: ${d.handsOnActivity}`,
            en: `Stand${number.en} of ${row.company_name} (${d.standSize}, ${d.location === 'outdoor' ? 'outdoors' : 'indoors'}${d.powerNeeded ? ', with power' : ''}); hands-on activity: ${d.handsOnActivity}`,
          },
        };
      }
      case 'class_visit': {
        const d = row.details ?? {};
        return {
          ...base,
          timing: { type: 'span', startsAt: row.slot_starts, endsAt: row.slot_ends },
          location: row.venue,
          summary: { de: `Klassenbesuch ${row.visit_class}: ${row.title}`, en: `Class visit ${row.visit_class}: ${row.title}` },
          what: {
            de: `Klasse ${row.visit_class} (${row.school_name}) mit ${d.pupils} Schülerinnen und Schülern und ${d.teachers} Lehrkräften`,
            en: `Class ${row.visit_class} (${row.school_name}) with ${d.pupils} pupils and ${d.teachers} teachers`,
          },
        };
      }
      case 'day_registration':
        return {
          ...base,
          timing: allDays,
          location: row.venue,
          summary: { de: `${row.title}: ${row.company_name}`, en: `${row.title}: ${row.company_name}` },
          what: { de: `Anmeldung von ${row.company_name} zum Tag`, en: `${row.company_name} registered for the day` },
        };
      case 'session': {
        const room = row.room_name ? `, ${row.room_name}` : '';
        return {
          ...base,
          timing: { type: 'span', startsAt: row.period_starts, endsAt: row.period_ends },
          location: `${row.venue}${room}`,
          summary: {
            de: `${row.company_name} in Klasse ${row.session_class}, ${row.period_number}. Stunde`,
            en: `${row.company_name} in class ${row.session_class}, period ${row.period_number}`,
          },
          what: {
            de: `${row.company_name} (Team ${row.team}) stellt sich in Klasse ${row.session_class} vor, ${row.period_number}. Stunde${room}`,
            en: `${row.company_name} (team ${row.team}) presents in class ${row.session_class}, period ${row.period_number}${room}`,
          },
        };
      }
      case 'placement': {
        const schedule = schedules.get(row.id)!;
        // a pupil deleted on request leaves the placement's history without a name
        const pupil = row.first_name ? `${row.first_name} ${row.last_name}` : '—';
        return {
          ...base,
          timing: { type: 'weekly', weekday: row.weekday, dailyStart: row.daily_start, dailyEnd: row.daily_end, ...schedule },
          location: `${row.company_name}, ${row.offer_street}, ${row.offer_postal_code} ${row.offer_town}`,
          summary: { de: `Praxistag: ${pupil} bei ${row.company_name}`, en: `Practice day: ${pupil} at ${row.company_name}` },
          what: {
            de: `${pupil} (Klasse ${row.pupil_class ?? '—'}, ${row.school_name}) bei ${row.company_name}; Berufsfeld ${row.occupational_field}; Betreuung: ${row.mentor}`,
            en: `${pupil} (class ${row.pupil_class ?? '—'}, ${row.school_name}) at ${row.company_name}; occupational field ${row.occupational_field}; mentor: ${row.mentor}`,
          },
        };
      }
    }
  }
}
