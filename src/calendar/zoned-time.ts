/**
 * Wall-clock time in a named IANA time zone. TZDate reads the zone's rules from the runtime's
 * tz database, so the result never depends on the server's own time zone (process.env.TZ).
 */
import { TZDate } from '@date-fns/tz';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import { dateParts, IsoDate, isoDateOf } from './iso-date';

export const BERLIN = 'Europe/Berlin';

export function isKnownTimeZone(timeZone: string): boolean {
  return !Number.isNaN(new TZDate(0, timeZone).getTime());
}

/**
 * The instant at which the zone's clocks show that date and time. A time skipped by the spring
 * change (02:30 on the last Sunday of March in Berlin) moves forward by the gap, and a time
 * that occurs twice in autumn resolves to its second (standard-time) occurrence.
 */
export function instantOfWallClock(
  date: IsoDate,
  time: { hour: number; minute: number; second?: number },
  timeZone = BERLIN,
): Date {
  const { year, month, day } = dateParts(date);
  const zoned = new TZDate(year, month - 1, day, time.hour, time.minute, time.second ?? 0, timeZone);
  // A plain Date, so callers (TypeORM, JSON) never meet TZDate's zone-bound getters.
  return new Date(zoned.getTime());
}

/** The calendar date the zone's clocks show at that instant. */
export function calendarDateAt(instant: Date, timeZone = BERLIN): IsoDate {
  const zoned = new TZDate(instant.getTime(), timeZone);
  return isoDateOf(zoned.getFullYear(), zoned.getMonth() + 1, zoned.getDate());
}

const vtimezones = new Map<string, string | null>();

/**
 * The VTIMEZONE block of a zone, for ical-generator. The library reads it from a file on
 * every call; the block never changes while the process runs, so it is read once per zone.
 */
export function vtimezone(zone: string): string | null {
  if (!vtimezones.has(zone)) vtimezones.set(zone, getVtimezoneComponent(zone) ?? null);
  return vtimezones.get(zone)!;
}
