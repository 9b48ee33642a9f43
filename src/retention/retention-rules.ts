import { IsoDate } from '../calendar/iso-date';

/**
 * The day after which a pupil's data is due for deletion: `months` months after the end of
 * the pupil's last term, as the retention run reckons it (`ends_on + months < today`).
 * Told to guardians in their letter, so the letter and the deletion never disagree.
 */
export function pupilDataDeletedAfter(lastTermEnds: IsoDate, months: number): IsoDate {
  const [year, month, day] = lastTermEnds.split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  // PostgreSQL clamps to the last day of a shorter month (31 Aug + 6 months = 28/29 Feb)
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}
