import type { Locale } from '../../../common/errors/error-messages';
import { formatDate } from '../../../common/time/berlin';
import { TaggedDocument } from '../../../documents/tagged-document';
import { nameOf, PupilOnPaper, WEEKDAY } from './pupil-paper';

export interface AgreementFacts {
  pupil: PupilOnPaper;
  schoolName: string;
  companyName: string;
  yearTitle: string;
  /** The phase of a year; null for a one-term placement. */
  phase: number | null;
  firstDate: string;
  lastDate: string;
  weekday: number;
  dailyStart: string;
  dailyEnd: string;
  practiceDays: number;
  occupationalField: string;
  apprenticeship: string;
  workplace: string;
  mentor: string;
  contact: string;
}

const WORDS = {
  de: {
    title: 'Praktikumsvereinbarung',
    parties: 'Die Vereinbarung schließen',
    pupil: 'Schülerin / Schüler', class: 'Klasse', school: 'Schule', company: 'Betrieb',
    practice: 'Der Praxistag',
    program: 'Programm', phase: 'Phase', period: 'Zeitraum', weekday: 'Wochentag', hours: 'Tägliche Zeit', days: 'Praxistage',
    field: 'Berufsfeld', apprenticeship: 'Ausbildungsberuf', workplace: 'Arbeitsort', mentor: 'Betreuung im Betrieb', contact: 'Ansprechperson',
    clock: ' Uhr', term: 'ganzer Zeitraum',
    rules: 'Regeln des Programms',
    ruleList: [
      'Die Schülerin oder der Schüler verbringt an dem genannten Wochentag den Schultag im Betrieb, etwa 7 Stunden zuzüglich Pausen. Gesetzliche Feiertage und Schulferien sind frei.',
      'Der Praxistag ist eine Schulveranstaltung: Es gilt die Schulpflicht, der Unfallversicherungsschutz der Schule und das Jugendarbeitsschutzgesetz. Ein Entgelt wird nicht gezahlt.',
      'Bei Krankheit oder Verhinderung werden Betrieb und Schule am selben Morgen vor Beginn benachrichtigt.',
      'Die Schülerin oder der Schüler folgt den Anweisungen der Betreuungsperson, hält die Arbeitsschutzregeln ein und behandelt Betriebsinterna vertraulich.',
      'Der Betrieb überträgt nur Tätigkeiten, die dem Alter angemessen und ungefährlich sind, und benennt eine Betreuungsperson.',
      'Die Fahrtkosten trägt der Schulträger. Fragen klärt die Schule mit dem Betrieb.',
    ],
    signatures: 'Unterschriften',
    signers: ['Ort, Datum, Unterschrift Schülerin / Schüler', 'Ort, Datum, Unterschrift Erziehungsberechtigte', 'Ort, Datum, Unterschrift und Stempel Betrieb', 'Ort, Datum, Unterschrift und Stempel Schule'],
  },
  en: {
    title: 'Placement agreement',
    parties: 'This agreement is made by',
    pupil: 'Pupil', class: 'Class', school: 'School', company: 'Company',
    practice: 'The practice day',
    program: 'Programme', phase: 'Phase', period: 'Period', weekday: 'Weekday', hours: 'Daily hours', days: 'Practice days',
    field: 'Occupational field', apprenticeship: 'Apprenticeship', workplace: 'Place of work', mentor: 'Mentor at the company', contact: 'Contact',
    clock: '', term: 'whole term',
    rules: 'Rules of the programme',
    ruleList: [
      'On the weekday named, the pupil spends the school day at the company, about 7 hours plus breaks. Public holidays and school holidays are free.',
      'The practice day is a school event: compulsory schooling, the school’s accident insurance and the Youth Employment Protection Act apply. No pay is given.',
      'In case of illness or absence, company and school are told the same morning before the start.',
      'The pupil follows the mentor’s instructions, keeps to the safety rules and treats company matters as confidential.',
      'The company gives only tasks that suit the pupil’s age and are safe, and names a mentor.',
      'Travel costs are borne by the school authority. The school settles questions with the company.',
    ],
    signatures: 'Signatures',
    signers: ['Place, date, signature of the pupil', 'Place, date, signature of a guardian', 'Place, date, signature and stamp of the company', 'Place, date, signature and stamp of the school'],
  },
};

/** Writes one agreement, from its heading to the signatures, into a document (alone or in a class's bundle). */
export function writeAgreement(document: TaggedDocument, facts: AgreementFacts, locale: Locale) {
  const w = WORDS[locale];
  document.heading(`${w.title}: ${nameOf(facts.pupil)}`);
  document.subheading(w.parties);
  document.facts([
    [w.pupil, nameOf(facts.pupil)],
    [w.class, facts.pupil.className],
    [w.school, facts.schoolName],
    [w.company, facts.companyName],
  ]);
  document.subheading(w.practice);
  document.facts([
    [w.program, facts.yearTitle],
    [w.phase, facts.phase ? String(facts.phase) : w.term],
    [w.period, `${formatDate(facts.firstDate, locale)} – ${formatDate(facts.lastDate, locale)}`],
    [w.weekday, WEEKDAY[locale][facts.weekday]],
    [w.hours, `${facts.dailyStart.slice(0, 5)} – ${facts.dailyEnd.slice(0, 5)}${w.clock}`],
    [w.days, String(facts.practiceDays)],
    [w.field, facts.occupationalField],
    [w.apprenticeship, facts.apprenticeship || '—'],
    [w.workplace, facts.workplace],
    [w.mentor, facts.mentor],
    [w.contact, facts.contact],
  ]);
  document.subheading(w.rules);
  document.list(w.ruleList);
  document.subheading(w.signatures);
  document.signatures(w.signers);
}

export const agreementTitle = (locale: Locale) => WORDS[locale].title;
