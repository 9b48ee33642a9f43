/**
 * Import of school holidays published as iCalendar (e.g. the Thuringian ministry's or a
 * ferien-api export): one inclusive DateRange per VEVENT.
 */
import ICAL from 'ical.js';
import { addDays, assertIsoDate, IsoDate } from './iso-date';
import type { DateRange } from './placement-dates';
import { BERLIN, calendarDateAt, instantOfWallClock, isKnownTimeZone } from './zoned-time';

// Feeds often leave out SUMMARY on single-purpose calendars; the range still counts.
const UNNAMED = 'Schulferien';

export function parseSchoolHolidaysIcs(text: string): DateRange[] {
  const ranges: DateRange[] = [];
  for (const calendar of calendarsIn(text)) {
    for (const event of calendar.getAllSubcomponents('vevent')) {
      const range = holidayRange(event);
      if (range) ranges.push(range);
    }
  }
  if (ranges.length === 0) {
    throw new RangeError('The iCalendar file has no usable VEVENT (each needs a DTSTART and must not be cancelled)');
  }
  return ranges.sort((a, b) => (a.firstDay < b.firstDay ? -1 : a.firstDay > b.firstDay ? 1 : 0));
}

function calendarsIn(text: string): ICAL.Component[] {
  if (typeof text !== 'string') throw new RangeError('The iCalendar file must be given as text');
  let jCal: unknown;
  try {
    // A byte-order mark before BEGIN would make the first line unreadable to the parser.
    jCal = ICAL.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new RangeError(`Not a valid iCalendar file: ${(error as Error).message}`);
  }
  // ICAL.parse returns one component as ['name', …] and several as [['name', …], …].
  const components = Array.isArray(jCal) && typeof jCal[0] === 'string' ? [jCal] : (jCal as unknown[]);
  const calendars = components.map((c) => new ICAL.Component(c as ConstructorParameters<typeof ICAL.Component>[0])).filter((c) => c.name === 'vcalendar');
  if (calendars.length === 0) throw new RangeError('Not an iCalendar file: no BEGIN:VCALENDAR … END:VCALENDAR');
  return calendars;
}

function holidayRange(event: ICAL.Component): DateRange | undefined {
  const name = String(event.getFirstPropertyValue('summary') ?? '').trim() || UNNAMED;
  const dtstart = event.getFirstProperty('dtstart');
  const status = String(event.getFirstPropertyValue('status') ?? '').toUpperCase();
  if (!dtstart || status === 'CANCELLED') return undefined;
  if (event.hasProperty('rrule') || event.hasProperty('rdate')) {
    // Expanding repeats would need an end for the series; holiday feeds list each period.
    throw new RangeError(`VEVENT "${name}" repeats (RRULE/RDATE), which school-holiday import does not support`);
  }
  const start = readTime(dtstart, name);
  const end = endOf(event, start, name);
  if (end && end.isDate !== start.isDate) {
    // RFC 5545 requires both of one type; mixing them leaves open which day is meant.
    throw new RangeError(`VEVENT "${name}" mixes a DATE and a DATE-TIME in DTSTART and DTEND`);
  }

  if (start.isDate) {
    const firstDay = dayOfDate(start.time);
    // DTEND of an all-day event is the first day after it (RFC 5545 3.6.1).
    const lastDay = end ? addDays(dayOfDate(end.time), -1) : firstDay;
    if (lastDay < firstDay) throw new RangeError(`VEVENT "${name}" ends before it starts (${firstDay})`);
    return { firstDay, lastDay, name };
  }

  const startsAt = instantOf(start);
  const endsAt = end ? instantOf(end) : startsAt;
  if (endsAt < startsAt) throw new RangeError(`VEVENT "${name}" ends before it starts (${startsAt.toISOString()})`);
  // The end instant is exclusive: a period ending at 00:00 does not cover the day that begins then.
  const lastInstant = endsAt > startsAt ? new Date(endsAt.getTime() - 1) : endsAt;
  return { firstDay: calendarDateAt(startsAt, BERLIN), lastDay: calendarDateAt(lastInstant, BERLIN), name };
}

interface EventTime { time: ICAL.Time; isDate: boolean; tzid?: string }

function endOf(event: ICAL.Component, start: EventTime, name: string): EventTime | undefined {
  const dtend = event.getFirstProperty('dtend');
  if (dtend) return readTime(dtend, name);
  const duration = event.getFirstPropertyValue('duration');
  if (duration instanceof ICAL.Duration) {
    const time = start.time.clone();
    time.addDuration(duration);
    return { ...start, time };
  }
  return undefined;
}

function readTime(property: ICAL.Property, eventName: string): EventTime {
  // ical.js rolls impossible dates over (2026-13-45 becomes 2027-02-14); the raw value does not.
  const raw: unknown = property.toJSON()[3];
  const label = `${property.name.toUpperCase()} of VEVENT "${eventName}"`;
  assertIsoDate(typeof raw === 'string' ? raw.slice(0, 10) : raw, label);
  const isDate = property.type === 'date';
  if (!isDate && !(typeof raw === 'string' && /^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d:[0-5]\dZ?$/.test(raw))) {
    throw new RangeError(`${label} must be a DATE or DATE-TIME, got ${JSON.stringify(raw)}`);
  }
  const time = property.getFirstValue();
  if (!(time instanceof ICAL.Time)) throw new RangeError(`${label} is not a date`);
  const tzid = property.getParameter('tzid');
  return { time, isDate, tzid: typeof tzid === 'string' ? tzid : undefined };
}

function dayOfDate(time: ICAL.Time): IsoDate {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  const day = `${pad(time.year, 4)}-${pad(time.month, 2)}-${pad(time.day, 2)}`;
  assertIsoDate(day, 'date');
  return day;
}

function instantOf({ time, tzid }: EventTime): Date {
  // UTC ('…Z') or a zone defined by a VTIMEZONE in the file: ical.js knows the offset.
  if (time.zone !== ICAL.Timezone.localTimezone) return new Date(time.toUnixTime() * 1000);
  // A TZID without VTIMEZONE (common in exports) or a floating time: ical.js would fall back
  // to the server's zone, so resolve the IANA name ourselves and read floating times as Berlin.
  const zone = tzid && isKnownTimeZone(tzid) ? tzid : BERLIN;
  return instantOfWallClock(dayOfDate(time), { hour: time.hour, minute: time.minute, second: time.second }, zone);
}
