import { PATH_WORDS, PROGRAM_OF_FORM, YEAR_PAGES } from './page-access';
import { PageRoute } from './page-routes';
import { Ids } from './world';

/**
 * What a walk over the page routes needs to fill their paths: the programs an event page is
 * visited for, how each path parameter is found among a world's ids, and each route's forms.
 */
export const PAGE_PROGRAMS = ['handwerkertag', 'schule-trifft-wirtschaft', 'praxistage'] as const;
export type PageProgram = (typeof PAGE_PROGRAMS)[number] | 'praxistage-year';
const AXIS_ITEMS: Record<string, string> = { stunden: 'periodId', klassen: 'eventClassId', raeume: 'roomId' };

/** How each id in a page path is found among a world's ids (`words` are the path's non-id parts). */
export const ID_OF: Record<string, (ids: Ids, words: Ids) => string> = {
  bookingId: (ids) => ids.bookingId,
  code: (ids) => ids.checkInCode,
  offerId: (ids) => ids.offerId,
  slotId: (ids) => ids.slotId,
  eventClassId: (ids) => ids.eventClassId,
  pupilId: (ids) => ids.pupilId,
  classId: (ids) => ids.classId,
  steckbriefId: (ids) => ids.steckbriefId,
  applicationId: (ids) => ids.applicationId,
  // the organiser's proposal for all schools of the world's year
  runId: (ids) => ids.runId,
  itemId: (ids, words) => ids[AXIS_ITEMS[words.axis]],
  id: (ids, words) => (['company', 'unternehmen'].includes(words.kind) ? ids.companyId : ids.schoolId),
  userId: (ids, words) => (words.kind === 'unternehmen' ? ids.companyMemberId : ids.schoolMemberId),
};

/** Every concrete form of a route: each value of its path words, each program of its event. */
export function variants(route: PageRoute): Array<{ words: Ids; program: PageProgram }> {
  const wordOptions = Object.entries(PATH_WORDS[route.path] ?? {}).map(([word, values]) => values.map((value) => [word, value] as const));
  const wordCombos = cross(wordOptions).map((combo) => Object.fromEntries(combo));
  const form = route.path.split('/').pop()!;
  const programs: PageProgram[] = !route.params.includes('eventId')
    ? [PAGE_PROGRAMS[0]]
    : YEAR_PAGES.test(route.path)
      ? ['praxistage-year']
      : PROGRAM_OF_FORM[form]
        ? [PROGRAM_OF_FORM[form] as PageProgram]
        : [...PAGE_PROGRAMS];
  return wordCombos.flatMap((words) => programs.map((program) => ({ words, program })));
}

export const fill = (path: string, ids: Ids) => path.replace(/:(\w+)/g, (_, name) => ids[name]);

/** Every combination that takes one option from each list. */
export function cross<T>(lists: ReadonlyArray<ReadonlyArray<T>>): T[][] {
  return lists.reduce<T[][]>((combos, options) => combos.flatMap((combo) => options.map((option) => [...combo, option])), [[]]);
}
