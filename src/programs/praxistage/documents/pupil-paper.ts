import type { Locale } from '../../../common/errors/error-messages';

/**
 * All a document may say about a pupil: first name, last name and class. Documents take
 * nothing else of the pupil (no consent date, no code, no applications), so nothing else
 * can reach paper.
 */
export interface PupilOnPaper {
  firstName: string;
  lastName: string;
  className: string;
}

export const WEEKDAY: Record<Locale, string[]> = {
  de: ['', 'Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag'],
  en: ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'],
};

export const nameOf = (pupil: PupilOnPaper) => `${pupil.firstName} ${pupil.lastName}`;

/** "Praktikumsvereinbarung-8a-Mueller-Anna.pdf": ASCII only, so every mail client and browser keeps it. */
export function fileName(...parts: string[]): string {
  const ascii = parts
    .join('-')
    .replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/Ä/g, 'Ae').replace(/Ö/g, 'Oe').replace(/Ü/g, 'Ue').replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[^\w.-]+/g, '_');
  return `${ascii}.pdf`;
}
