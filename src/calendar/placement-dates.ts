/**
 * The concrete days of a recurring placement (e.g. "every Friday, 07:30–14:00") once public
 * holidays, school holidays and cancelled days are taken out. Pure logic: callers load the
 * school holidays and cancellations and pass them in.
 */
import { addDays, assertIsoDate, IsoDate, isoWeekday } from './iso-date';
import { publicHolidaysOfThuringia } from './public-holidays';
import { BERLIN, instantOfWallClock } from './zoned-time';

export type { IsoDate } from './iso-date';
export { publicHolidaysOfThuringia } from './public-holidays';

/** Inclusive at both ends. */
export interface DateRange { firstDay: IsoDate; lastDay: IsoDate; name: string }

export interface PlacementSchedule {
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** First possible day, inclusive. */
  firstDate: IsoDate;
  /** Last possible day, inclusive. */
  lastDate: IsoDate;
  /** Local time 'HH:MM' in Europe/Berlin. */
  dailyStart: string;
  /** Local time 'HH:MM' in Europe/Berlin, after dailyStart. */
  dailyEnd: string;
}

export interface SkippedDate { date: IsoDate; reason: 'public_holiday' | 'school_holidays' | 'cancelled'; name: string }

/** startsAt/endsAt are the instants of the Europe/Berlin wall-clock times on that date. */
export interface PlacementDay { date: IsoDate; startsAt: Date; endsAt: Date }

export interface PlacementExclusions {
  schoolHolidays: DateRange[];
  cancelled: Array<{ date: IsoDate; reason: string }>;
}

export function placementDates(
  schedule: PlacementSchedule,
  exclusions: PlacementExclusions,
): { days: PlacementDay[]; skipped: SkippedDate[] } {
  const start = parseTime(schedule.dailyStart, 'dailyStart');
  const end = parseTime(schedule.dailyEnd, 'dailyEnd');
  if (end.hour * 60 + end.minute <= start.hour * 60 + start.minute) {
    throw new RangeError(`dailyEnd ${schedule.dailyEnd} must be after dailyStart ${schedule.dailyStart}`);
  }
  const dates = weeklyOccurrences(schedule.weekday, schedule.firstDate, schedule.lastDate);
  exclusions.schoolHolidays.forEach((range, i) => {
    assertIsoDate(range.firstDay, `schoolHolidays[${i}].firstDay`);
    assertIsoDate(range.lastDay, `schoolHolidays[${i}].lastDay`);
    if (range.firstDay > range.lastDay) {
      throw new RangeError(
        `schoolHolidays[${i}] (${range.name}) ends ${range.lastDay}, before it starts ${range.firstDay}`,
      );
    }
  });
  exclusions.cancelled.forEach((cancelled, i) => assertIsoDate(cancelled.date, `cancelled[${i}].date`));

  const publicHolidays = publicHolidaysOfThuringia(
    Number(schedule.firstDate.slice(0, 4)),
    Number(schedule.lastDate.slice(0, 4)),
  );
  const days: PlacementDay[] = [];
  const skipped: SkippedDate[] = [];
  for (const date of dates) {
    const reason = skipReason(date, publicHolidays, exclusions);
    if (reason) {
      skipped.push(reason);
    } else {
      days.push({
        date,
        startsAt: instantOfWallClock(date, start, BERLIN),
        endsAt: instantOfWallClock(date, end, BERLIN),
      });
    }
  }
  return { days, skipped };
}

/** Every date with that ISO weekday (1 = Monday … 7 = Sunday) from firstDate to lastDate inclusive. */
export function weeklyOccurrences(weekday: number, firstDate: IsoDate, lastDate: IsoDate): IsoDate[] {
  if (!Number.isInteger(weekday) || weekday < 1 || weekday > 7) {
    throw new RangeError(`weekday must be an ISO weekday from 1 (Monday) to 7 (Sunday), got ${weekday}`);
  }
  assertIsoDate(firstDate, 'firstDate');
  assertIsoDate(lastDate, 'lastDate');
  if (firstDate > lastDate) {
    throw new RangeError(`firstDate ${firstDate} is after lastDate ${lastDate}`);
  }
  const dates: IsoDate[] = [];
  // ISO dates of equal length sort like the calendar, so string comparison bounds the loop.
  const first = addDays(firstDate, (weekday - isoWeekday(firstDate) + 7) % 7);
  for (let date = first; date <= lastDate; date = addDays(date, 7)) dates.push(date);
  return dates;
}

/** The first reason that applies, in the order public holiday, school holidays, cancellation. */
function skipReason(
  date: IsoDate,
  publicHolidays: Map<IsoDate, string>,
  exclusions: PlacementExclusions,
): SkippedDate | undefined {
  const holiday = publicHolidays.get(date);
  if (holiday !== undefined) return { date, reason: 'public_holiday', name: holiday };
  const schoolHolidays = exclusions.schoolHolidays.find((range) => range.firstDay <= date && date <= range.lastDay);
  if (schoolHolidays) return { date, reason: 'school_holidays', name: schoolHolidays.name };
  const cancelled = exclusions.cancelled.find((c) => c.date === date);
  if (cancelled) return { date, reason: 'cancelled', name: cancelled.reason };
  return undefined;
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

function parseTime(value: unknown, label: string): { hour: number; minute: number } {
  const match = typeof value === 'string' ? TIME.exec(value) : null;
  if (!match) {
    throw new RangeError(`${label} must be a time 'HH:MM' from 00:00 to 23:59, got ${JSON.stringify(value)}`);
  }
  return { hour: Number(match[1]), minute: Number(match[2]) };
}
