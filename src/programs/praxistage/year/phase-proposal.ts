import { addDays, isoWeekday, IsoDate } from '../../../calendar/iso-date';
import { parseInstant } from '../../../common/time/berlin';
import { DateRange } from '../../../calendar/placement-dates';

export interface PhaseDates {
  number: number;
  firstDay: IsoDate;
  lastDay: IsoDate;
  applicationsOpenAt: Date;
  applicationsCloseAt: Date;
}

// The four phases of a year lie between these holidays, the same at every school of Thuringia:
// Winterferien–Osterferien, Osterferien–Sommerferien, Sommerferien–Herbstferien, Herbstferien–Winterferien.
const BOUNDS = [
  { name: 'Winterferien', from: '01-01', to: '03-31', yearOffset: 0 },
  { name: 'Osterferien', from: '03-01', to: '05-15', yearOffset: 0 },
  { name: 'Sommerferien', from: '06-01', to: '08-31', yearOffset: 0 },
  { name: 'Herbstferien', from: '09-15', to: '11-15', yearOffset: 0 },
  { name: 'Winterferien', from: '01-01', to: '03-31', yearOffset: 1 },
] as const;

/** Applications open eight weeks before a phase and stay open for its first two weeks (Plan C). */
export const APPLICATIONS_OPEN_WEEKS_BEFORE = 8;
export const APPLICATIONS_CLOSE_DAYS_AFTER_START = 14;

const nextSchoolDay = (date: IsoDate) => {
  let day = date;
  while (isoWeekday(day) > 5) day = addDays(day, 1);
  return day;
};
const previousSchoolDay = (date: IsoDate) => {
  let day = date;
  while (isoWeekday(day) > 5) day = addDays(day, -1);
  return day;
};

/** The default application window of a phase, from its first day. */
export function applicationWindow(firstDay: IsoDate) {
  return {
    applicationsOpenAt: parseInstant(`${addDays(firstDay, -7 * APPLICATIONS_OPEN_WEEKS_BEFORE)}T00:00`),
    applicationsCloseAt: parseInstant(`${addDays(firstDay, APPLICATIONS_CLOSE_DAYS_AFTER_START)}T00:00`),
  };
}

/**
 * The four phases of the year whose first phase starts after the Winterferien of `year`,
 * from the school holidays kept in Praxisnah; the names of the holidays that are missing
 * when they cannot be proposed.
 */
export function proposePhases(year: number, holidays: DateRange[]): { phases: PhaseDates[] } | { missing: string[] } {
  const found = BOUNDS.map((bound) => {
    const y = year + bound.yearOffset;
    return holidays.find((h) => h.name.toLowerCase().startsWith(bound.name.toLowerCase()) && h.firstDay >= `${y}-${bound.from}` && h.firstDay <= `${y}-${bound.to}`);
  });
  const missing = found.flatMap((h, i) => (h ? [] : [`${BOUNDS[i].name} ${year + BOUNDS[i].yearOffset}`]));
  if (missing.length > 0) return { missing };
  const phases = [0, 1, 2, 3].map((i) => {
    const firstDay = nextSchoolDay(addDays(found[i]!.lastDay, 1));
    const lastDay = previousSchoolDay(addDays(found[i + 1]!.firstDay, -1));
    return { number: i + 1, firstDay, lastDay, ...applicationWindow(firstDay) };
  });
  return { phases };
}
