import ical, { ICalEventStatus } from 'ical-generator';
import type { Locale } from '../common/errors/error-messages';
import { ZONE } from '../common/time/berlin';
import { vtimezone } from './zoned-time';
import type { Event } from '../events/event.entity';
import { PROGRAM_NAMES } from '../events/event-status';
import { wallClock } from './booking-ics';
import { addDays } from './iso-date';

/** Events as all-day calendar entries (the organisers' feed, the download per event). */
export function eventCalendar(events: Event[], options: { locale: Locale; publicUrl: string; name?: string }): string {
  const calendar = ical({
    prodId: { company: 'Regionalmanagement Nordthüringen', product: 'Praxisnah', language: options.locale.toUpperCase() },
    name: options.name,
    timezone: { name: null, generator: vtimezone },
  });
  for (const event of events) {
    calendar.createEvent({
      id: `event-${event.id}@praxisnah`,
      stamp: event.updatedAt,
      timezone: ZONE,
      allDay: true,
      start: wallClock(event.startsOn),
      end: wallClock(addDays(event.endsOn, 1)),
      summary: `${PROGRAM_NAMES[event.program][options.locale]}: ${event.title}`,
      location: event.venue,
      description: event.description,
      url: `${options.publicUrl}/veranstaltungen/${event.id}`,
      status: event.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}
