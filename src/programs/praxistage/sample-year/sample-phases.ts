import { addDays, isoWeekday, IsoDate } from '../../../calendar/iso-date';

const WEEK = 7;

/**
 * The four phases of a sample year around `today` such that applications for `openPhase`
 * are open now (its default window: from eight weeks before its first day to two weeks
 * after), the phase before it is running and the earlier ones are over. Each phase is ten
 * weeks from a Monday to a Friday with two weeks of holidays between them, so the sample
 * works on whatever day it is made, where the holidays of the real calendar would not.
 */
export function samplePhases(today: IsoDate, openPhase: number): Array<{ firstDay: IsoDate; lastDay: IsoDate }> {
  let firstOpen = addDays(today, 5 * WEEK);
  while (isoWeekday(firstOpen) !== 1) firstOpen = addDays(firstOpen, 1);
  return [1, 2, 3, 4].map((number) => {
    const firstDay = addDays(firstOpen, (number - openPhase) * 12 * WEEK);
    return { firstDay, lastDay: addDays(firstDay, 9 * WEEK + 4) };
  });
}
