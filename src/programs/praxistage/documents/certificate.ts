import type { Locale } from '../../../common/errors/error-messages';
import { TaggedDocument } from '../../../documents/tagged-document';
import { nameOf, PupilOnPaper } from './pupil-paper';

export interface CertificateFacts {
  pupil: PupilOnPaper;
  schoolName: string;
  yearTitle: string;
  /** Each phase of the year, with the company taken in it (null: no company in that phase). */
  phases: Array<{ number: number; companyName: string | null; occupation: string | null; days: number }>;
}

const WORDS = {
  de: {
    title: 'Teilnahmebescheinigung',
    intro: (f: CertificateFacts) => `${nameOf(f.pupil)}, Klasse ${f.pupil.className} der ${f.schoolName}, hat am Programm „${f.yearTitle}“ teilgenommen und dabei folgende Betriebe und Berufe kennengelernt:`,
    head: ['Phase', 'Betrieb', 'Beruf / Berufsfeld', 'Praxistage'],
    none: 'kein Betrieb',
    total: (days: number) => `Insgesamt ${days} Praxistage im Betrieb.`,
    signers: ['Ort, Datum', 'Unterschrift und Stempel Schule'],
  },
  en: {
    title: 'Certificate of participation',
    intro: (f: CertificateFacts) => `${nameOf(f.pupil)}, class ${f.pupil.className} of ${f.schoolName}, took part in the programme “${f.yearTitle}” and got to know these companies and occupations:`,
    head: ['Phase', 'Company', 'Occupation / field', 'Practice days'],
    none: 'no company',
    total: (days: number) => `${days} practice days at companies in all.`,
    signers: ['Place, date', 'Signature and stamp of the school'],
  },
};

/** The certificate: the companies and occupations of each phase and the days spent there. */
export function writeCertificate(document: TaggedDocument, facts: CertificateFacts, locale: Locale) {
  const w = WORDS[locale];
  document.heading(`${w.title}: ${nameOf(facts.pupil)}`);
  document.paragraph(w.intro(facts));
  document.table(
    [
      w.head.map((text) => ({ text, header: 'column' as const })),
      ...facts.phases.map((p) => [String(p.number), p.companyName ?? w.none, p.occupation ?? '—', String(p.days)]),
    ],
    [45, '*', '*', 70],
  );
  document.paragraph(w.total(facts.phases.reduce((sum, p) => sum + p.days, 0)));
  document.signatures(w.signers);
}

export const certificateTitle = (locale: Locale) => WORDS[locale].title;
