import type { Locale } from '../../../common/errors/error-messages';
import { DISTRICTS } from '../../../organisations/region';
import { berlinDate } from '../../../common/time/berlin';
import { ACTIVE_APPLICATION, ApplicationStatus, STATUS_NAMES, UNDECIDED } from '../applications/application-status';
import type { Year } from '../year/years.service';

/** Where a pupil goes after the code login: back to the pupil page asked for, never elsewhere. */
export function safeNext(asked: unknown): string {
  return typeof asked === 'string' && /^\/tip\/[\w\-/]*$/.test(asked) ? asked : '/tip/plaetze';
}

/** The pupil's page as it is (filters, page number), without the message of what was just done: where a form on it returns. */
export function pageAddress(req: { originalUrl: string }): string {
  const url = new URL(req.originalUrl, 'http://tip');
  url.searchParams.delete('ok');
  return `${url.pathname}${url.search}`;
}

/**
 * Where a small form on a pupil's page returns: the page it was sent from (a pupil's page,
 * with its query) with the message `ok`, at the card it was sent from; anything else goes to the places.
 */
export function returnAddress(asked: unknown, ok: string, anchor?: string): string {
  const from = typeof asked === 'string' && /^\/tip\/[\w\-/]*(\?[^#\s]*)?$/.test(asked) ? asked : '/tip/plaetze';
  const url = new URL(from, 'http://tip');
  url.searchParams.set('ok', ok);
  return `${url.pathname}${url.search}${anchor ? `#${anchor}` : ''}`;
}

/** A phase of the year by number, null where there is none (no phase open). */
export const phaseOf = (year: Year, number: number | null) => year.phases.find((p) => p.number === number) ?? null;

export interface ApplicationRow {
  id: string;
  phase: number;
  weekday: number;
  status: ApplicationStatus;
  offeredUntil: Date | null;
  [column: string]: unknown;
}

/** Applications as the pages show them: the state in words, and what can be done with each. */
export function applicationRows<T extends ApplicationRow>(rows: T[], locale: Locale) {
  return rows.map((row) => ({
    ...row,
    statusName: STATUS_NAMES[row.status][locale],
    active: ACTIVE_APPLICATION.includes(row.status),
    undecided: UNDECIDED.includes(row.status),
    isOffered: row.status === 'offered',
    isAccepted: row.status === 'accepted',
    // what came of a placement is told once its phase is over
    phaseOver: typeof row.phaseLastDay === 'string' && row.phaseLastDay < berlinDate(new Date()),
  }));
}

/** The standings of a school overview as words and counts, phase by phase. */
export const STANDINGS = ['placed', 'offer', 'applied', 'nothing'] as const;

/** The weekdays as options of a form, in the reader's language. */
export const weekdayOptions = (label: (key: string) => string) => [1, 2, 3, 4, 5].map((value) => ({ value: String(value), label: label(`weekday.${value}`) }));

/** Form fields left empty are fields not given. */
export function withoutBlanks<T extends Record<string, unknown>>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined && value !== null && value !== '')) as Partial<T>;
}

/** The text fields of a Steckbrief's form (the places come from their own grid). */
export const STECKBRIEF_TEXTS = [
  'occupationalField', 'apprenticeship', 'tasks', 'expectations', 'description', 'dailyStart', 'dailyEnd',
  'street', 'postalCode', 'town', 'district', 'mentor', 'contactPerson', 'contactPhone', 'contactEmail',
] as const;

/** The places grid of a form (`places_<phase>_<weekday>`): a filled field is a place count, as typed. */
export function placesFromForm(body: Record<string, string>) {
  return Object.entries(body).flatMap(([name, value]) => {
    const match = /^places_([1-4])_([1-5])$/.exec(name);
    return match && value !== '' && value !== undefined ? [{ phase: Number(match[1]), weekday: Number(match[2]), places: value as unknown as number }] : [];
  });
}

/** The grid shown: a row per phase, a cell per weekday with what is set, taken and typed. */
export function placesGrid(places: Array<{ phase: number; weekday: number; capacity: number; booked: number }>, typed: Record<string, string>) {
  return [1, 2, 3, 4].map((phase) => ({
    phase,
    cells: [1, 2, 3, 4, 5].map((weekday) => {
      const place = places.find((p) => p.phase === phase && p.weekday === weekday);
      const name = `places_${phase}_${weekday}`;
      return { name, weekday, value: typed[name] ?? (place ? String(place.capacity) : ''), booked: place?.booked ?? 0 };
    }),
  }));
}

/** A district's name as people say it ("Landkreis Nordhausen"), not its key. */
export const districtName = (key: string | null) => (key ? (DISTRICTS[key as keyof typeof DISTRICTS] ?? key) : null);

/** The first problem with the places grid, said for the grid as a whole ("darf nicht größer als 50 sein"). */
export function placesErrorOf(errors: Record<string, string | boolean> | undefined): string | undefined {
  const found = Object.entries(errors ?? {}).find(([field]) => field.startsWith('places'));
  return typeof found?.[1] === 'string' ? found[1] : undefined;
}

/** The three wish fields of a form (`wish1`…`wish3`), the chosen ones in their order. */
export const wishesOf = (body: Record<string, string | undefined>) => ['wish1', 'wish2', 'wish3'].map((name) => body[name]?.trim() ?? '').filter((field) => field.length > 0);
