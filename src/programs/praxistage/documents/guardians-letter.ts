import type { Locale } from '../../../common/errors/error-messages';
import { formatDate } from '../../../common/time/berlin';
import { TaggedDocument } from '../../../documents/tagged-document';
import { nameOf, PupilOnPaper } from './pupil-paper';

export interface LetterFacts {
  pupil: PupilOnPaper;
  schoolName: string;
  yearTitle: string;
  firstDay: string;
  lastDay: string;
  /** How long the platform keeps a pupil's data after the last term, and mails' texts after sending (the retention figures). */
  retentionMonths: number;
  mailDays: number;
  deletedAfter: string;
}

const WORDS = {
  de: {
    title: 'Information für Erziehungsberechtigte',
    greeting: 'Liebe Erziehungsberechtigte,',
    about: (f: LetterFacts) =>
      `Ihr Kind ${nameOf(f.pupil)} (Klasse ${f.pupil.className}) nimmt mit der ${f.schoolName} am Programm „${f.yearTitle}“ teil (${formatDate(f.firstDay, 'de')} bis ${formatDate(f.lastDay, 'de')}).`,
    program: 'Was ist der Tag in der Praxis?',
    programText:
      'Einmal pro Woche verbringt Ihr Kind den Schultag in einem Betrieb der Region. Das Schuljahr ist in vier Phasen geteilt; in jeder Phase lernt Ihr Kind einen anderen Betrieb und einen anderen Beruf kennen. Ihr Kind bewirbt sich selbst auf die Plätze aus den Steckbriefen der Betriebe; Schule und Betrieb schließen mit Ihnen für jede Phase eine Praktikumsvereinbarung. Der Praxistag ist eine Schulveranstaltung.',
    stored: 'Was über Ihr Kind gespeichert wird',
    storedList: [
      'Vorname, Nachname und Klasse – von der Schule eingetragen, mit dem Tag, an dem Ihre Einwilligung vorlag.',
      'Die Bewerbungen Ihres Kindes mit seiner Nachricht an den Betrieb, die Zusagen und Absagen.',
      'Die Berufsfelder und Betriebe, die Ihr Kind sich wünscht oder gemerkt hat: Bringen die Bewerbungen keinen Platz, wird daraus einer vorgeschlagen. Betriebe sehen davon nichts.',
      'Die Praxistage mit Betrieb, Wochentag und Datum sowie ausgefallene Tage mit ihrem Grund.',
      'Ein persönlicher Zugangscode, nur verschlüsselt gespeichert; die Schule kann ihn jederzeit sperren.',
    ],
    notStored: 'Nicht gespeichert werden E-Mail-Adresse, Telefonnummer oder Geburtsdatum Ihres Kindes. Praxisnah schreibt Ihrem Kind nie eine E-Mail. Betriebe sehen von Bewerbungen nur Vorname, Nachname, Klasse, Schule und die Nachricht.',
    howLong: 'Wie lange',
    howLongText: (f: LetterFacts) =>
      `Die Daten Ihres Kindes werden ${f.retentionMonths} Monate nach dem Ende seines letzten Durchgangs gelöscht, bei diesem Durchgang also nach dem ${formatDate(f.deletedAfter, 'de')}. Die Praxistage bleiben danach nur als Zahl ohne Namen für die Statistik. Texte von E-Mails an Schule und Betriebe werden nach ${f.mailDays} Tagen gelöscht.`,
    slip: 'Einverständniserklärung',
    slipText: (f: LetterFacts) =>
      `Ich bin / wir sind damit einverstanden, dass ${nameOf(f.pupil)} (Klasse ${f.pupil.className}) am Programm „${f.yearTitle}“ teilnimmt und dass die oben genannten Daten dafür gespeichert werden. Die Einwilligung kann ich / können wir jederzeit bei der Schule widerrufen.`,
    signers: ['Ort, Datum', 'Unterschrift Erziehungsberechtigte'],
  },
  en: {
    title: 'Information for guardians',
    greeting: 'Dear guardians,',
    about: (f: LetterFacts) =>
      `Your child ${nameOf(f.pupil)} (class ${f.pupil.className}) takes part with ${f.schoolName} in the programme “${f.yearTitle}” (${formatDate(f.firstDay, 'en')} to ${formatDate(f.lastDay, 'en')}).`,
    program: 'What is the Day in Practice?',
    programText:
      'Once a week your child spends the school day at a company in the region. The school year has four phases; in each phase your child gets to know another company and another occupation. Your child applies for the places in the companies’ profile sheets; school and company conclude a placement agreement with you for each phase. The practice day is a school event.',
    stored: 'What is stored about your child',
    storedList: [
      'First name, last name and class – entered by the school, with the day your consent was given.',
      'Your child’s applications with the message to the company, offers and refusals.',
      'The occupational fields and companies your child wishes for or kept on a list: if applying brings no place, one is proposed from them. Companies see nothing of it.',
      'The practice days with company, weekday and date, and cancelled days with their reason.',
      'A personal access code, stored only encrypted; the school can block it at any time.',
    ],
    notStored: 'Your child’s e-mail address, phone number or date of birth are not stored. Praxisnah never e-mails your child. Companies see only first name, last name, class, school and the message of an application.',
    howLong: 'For how long',
    howLongText: (f: LetterFacts) =>
      `Your child’s data is deleted ${f.retentionMonths} months after the end of their last programme year, for this year after ${formatDate(f.deletedAfter, 'en')}. The practice days then remain only as numbers without names for the statistics. The texts of e-mails to school and companies are deleted after ${f.mailDays} days.`,
    slip: 'Consent',
    slipText: (f: LetterFacts) =>
      `I / we agree that ${nameOf(f.pupil)} (class ${f.pupil.className}) takes part in the programme “${f.yearTitle}” and that the data named above is stored for it. I / we may withdraw this consent at any time through the school.`,
    signers: ['Place, date', 'Signature of a guardian'],
  },
};

/** The guardians' letter: the programme, what is stored and for how long, and the consent slip to sign. */
export function writeGuardiansLetter(document: TaggedDocument, facts: LetterFacts, locale: Locale) {
  const w = WORDS[locale];
  document.heading(w.title);
  document.paragraph(w.greeting);
  document.paragraph(w.about(facts));
  document.subheading(w.program);
  document.paragraph(w.programText);
  document.subheading(w.stored);
  document.list(w.storedList);
  document.paragraph(w.notStored);
  document.subheading(w.howLong);
  document.paragraph(w.howLongText(facts));
  document.subheading(w.slip);
  document.paragraph(w.slipText(facts));
  document.signatures(w.signers);
}

export const letterTitle = (locale: Locale) => WORDS[locale].title;
