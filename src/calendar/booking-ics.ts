import { TZDate } from '@date-fns/tz';
import ical, { ICalCalendarMethod, ICalEventRepeatingFreq, ICalEventStatus } from 'ical-generator';
import type { Locale } from '../common/errors/error-messages';
import { ZONE } from '../common/time/berlin';
import { BookingStatus } from '../bookings/booking-status';
import { describeTiming, Occasion } from './booking-occasion';
import { addDays } from './iso-date';
import { instantOfWallClock, vtimezone } from './zoned-time';

export interface CalendarOptions {
  method?: 'REQUEST' | 'CANCEL';
  locale: Locale;
  publicUrl: string;
  organizer: { name: string; email: string };
  /** Feed name shown in calendar apps. */
  name?: string;
}

const STATUS: Partial<Record<BookingStatus, ICalEventStatus>> = {
  pending: ICalEventStatus.TENTATIVE,
  confirmed: ICalEventStatus.CONFIRMED,
  cancelled: ICalEventStatus.CANCELLED,
  rejected: ICalEventStatus.CANCELLED,
};

const berlin = (instant: Date) => new TZDate(instant.getTime(), ZONE);
/** Berlin wall-clock time on a date, e.g. ('2027-03-26', '07:30'). Never `new TZDate(string)`: that reads the server's zone. */
export const wallClock = (date: string, time = '00:00') => {
  const [hour, minute] = time.split(':').map(Number);
  return berlin(instantOfWallClock(date, { hour, minute }));
};

/**
 * Calendar entries for bookings, in Europe/Berlin with its VTIMEZONE. The UID is stable
 * per booking and SEQUENCE is the booking's version, so a calendar replaces an entry on
 * every change. A weekly placement is one recurring entry: RRULE WEEKLY until its last
 * day, EXDATE for holidays and cancelled days. Times are handed over as TZDate, so they
 * are written in Berlin wall-clock time whatever the server's own zone.
 */
export function bookingCalendar(occasions: Occasion[], options: CalendarOptions): string {
  const calendar = ical({
    prodId: { company: 'Regionalmanagement Nordthüringen', product: 'Praxisnah', language: options.locale.toUpperCase() },
    name: options.name,
    // no calendar-level zone name: that would write UNTIL without Z, which strict parsers refuse
    timezone: { name: null, generator: vtimezone },
  });
  if (options.method) calendar.method(ICalCalendarMethod[options.method]);
  for (const occasion of occasions) {
    const status = options.method === 'CANCEL' ? ICalEventStatus.CANCELLED : STATUS[occasion.status];
    const common = {
      id: `booking-${occasion.bookingId}@praxisnah`,
      sequence: occasion.version,
      stamp: occasion.updatedAt,
      timezone: ZONE,
      summary: occasion.summary[options.locale],
      location: occasion.location,
      description: `${occasion.what[options.locale]}\n${describeTiming(occasion.timing, options.locale)}`,
      url: `${options.publicUrl}/buchungen/${occasion.bookingId}`,
      organizer: options.organizer,
      status,
    };
    const timing = occasion.timing;
    if (timing.type === 'days') {
      calendar.createEvent({
        ...common,
        allDay: true,
        start: wallClock(timing.firstDay),
        end: wallClock(addDays(timing.lastDay, 1)),
      });
    } else if (timing.type === 'span') {
      calendar.createEvent({ ...common, start: berlin(timing.startsAt), end: berlin(timing.endsAt) });
    } else {
      const first = timing.days[0];
      const last = timing.days.at(-1);
      if (!first || !last) continue; // every day fell out: nothing to show
      calendar.createEvent({
        ...common,
        start: berlin(first.startsAt),
        end: berlin(first.endsAt),
        repeating: {
          freq: ICalEventRepeatingFreq.WEEKLY,
          until: last.endsAt,
          // the skipped dates at the series' time of day, as the RRULE would have produced them
          exclude: timing.skipped
            .filter((s) => s.date > first.date && s.date < last.date)
            .map((s) => wallClock(s.date, timing.dailyStart.slice(0, 5))),
        },
      });
    }
  }
  return calendar.toString();
}
