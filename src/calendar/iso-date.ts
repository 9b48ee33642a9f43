/**
 * Calendar dates as 'YYYY-MM-DD' strings. Arithmetic goes through UTC midnight so that the
 * server's own time zone (process.env.TZ) can never shift a date by a day.
 */
export type IsoDate = string;

const DAY_MS = 24 * 60 * 60 * 1000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Throws a RangeError unless `value` is a real calendar date such as '2027-03-29'. */
export function assertIsoDate(value: unknown, label: string): asserts value is IsoDate {
  const match = typeof value === 'string' ? ISO_DATE.exec(value) : null;
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    // Date.UTC silently rolls 2027-02-30 over to March, so a round trip catches impossible days.
    if (isoDateOf(year, month, day) === value) return;
  }
  throw new RangeError(`${label} must be a calendar date 'YYYY-MM-DD', got ${JSON.stringify(value)}`);
}

/** The date for year, month (1–12) and day; out-of-range parts roll over like Date.UTC. */
export function isoDateOf(year: number, month: number, day: number): IsoDate {
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 to 1900–1999.
  return fromUtcMidnight(new Date(0).setUTCFullYear(year, month - 1, day));
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromUtcMidnight(utcMidnight(date) + days * DAY_MS);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: IsoDate): number {
  return ((new Date(utcMidnight(date)).getUTCDay() + 6) % 7) + 1;
}

export function dateParts(date: IsoDate): { year: number; month: number; day: number } {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

function utcMidnight(date: IsoDate): number {
  const { year, month, day } = dateParts(date);
  return new Date(0).setUTCFullYear(year, month - 1, day);
}

function fromUtcMidnight(ms: number): IsoDate {
  return new Date(ms).toISOString().slice(0, 10);
}
