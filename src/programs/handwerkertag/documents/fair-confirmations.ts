import type { Locale } from '../../../common/errors/error-messages';
import { berlinDate, formatDate } from '../../../common/time/berlin';
import { qrPng } from '../../../documents/qr-image';
import { TaggedDocument } from '../../../documents/tagged-document';

export interface ClassVisitFacts {
  eventTitle: string;
  venue: string;
  startsAt: Date;
  endsAt: Date;
  schoolName: string;
  className: string;
  pupils: number;
  teachers: number;
}

export interface StandFacts {
  eventTitle: string;
  venue: string;
  startsOn: string;
  endsOn: string;
  companyName: string;
  standNumber: number | null;
  standSize: string;
  outdoor: boolean;
  powerNeeded: boolean;
  handsOnActivity: string;
  apprenticeships: string[];
  internships: string[];
  staffCount: number;
}

const CLOCK = new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit' });

const WORDS = {
  de: {
    visitTitle: 'Bestätigung des Klassenbesuchs',
    standTitle: 'Standbestätigung',
    event: 'Veranstaltung', date: 'Datum', slot: 'Zeitfenster', venue: 'Ort', school: 'Schule', class: 'Klasse',
    pupils: 'Schülerinnen und Schüler', teachers: 'Begleitende Lehrkräfte', company: 'Betrieb', standNumber: 'Standnummer',
    size: 'Standgröße', place: 'Lage', outdoor: 'draußen', indoor: 'drinnen', power: 'Stromanschluss', yes: 'ja', no: 'nein',
    activity: 'Mitmachaktion', apprenticeships: 'Ausbildungsberufe', internships: 'Praktika', staff: 'Standpersonal', none: '—',
    clock: ' Uhr', notAssigned: 'wird noch vergeben',
    visitNote: 'Bitte kommen Sie pünktlich zu Ihrem Zeitfenster; die Halle fasst nur eine begrenzte Zahl an Personen zugleich.',
    checkIn: 'Einlass: Zeigen Sie diesen QR-Code am Eingang vor.',
    shortCode: (code: string) => `Lässt sich der Code nicht lesen, nennen Sie am Eingang den Kurzcode ${code}.`,
    qrAlt: (address: string) => `QR-Code für den Einlass der Klasse, führt zu ${address}`,
    standNote: 'Aufbau und Ablauf teilt Ihnen das Regionalmanagement gesondert mit.',
    footer: 'Regionalmanagement Nordthüringen · Praxisnah',
  },
  en: {
    visitTitle: 'Class visit confirmation',
    standTitle: 'Stand confirmation',
    event: 'Event', date: 'Date', slot: 'Time slot', venue: 'Venue', school: 'School', class: 'Class',
    pupils: 'Pupils', teachers: 'Accompanying teachers', company: 'Company', standNumber: 'Stand number',
    size: 'Stand size', place: 'Location', outdoor: 'outdoors', indoor: 'indoors', power: 'Power supply', yes: 'yes', no: 'no',
    activity: 'Hands-on activity', apprenticeships: 'Apprenticeships', internships: 'Internships', staff: 'Stand staff', none: '—',
    clock: '', notAssigned: 'to be assigned',
    visitNote: 'Please arrive on time for your slot; the hall holds a limited number of people at once.',
    checkIn: 'Entrance: show this QR code at the door.',
    shortCode: (code: string) => `If the code cannot be read, give the short code ${code} at the entrance.`,
    qrAlt: (address: string) => `QR code for the class's check-in, leads to ${address}`,
    standNote: 'The regional management will tell you about setting up and the day separately.',
    footer: 'Regional management of Nordthüringen · Praxisnah',
  },
};

/**
 * A class visit's confirmation: event, day, slot, school, class and persons. With the
 * visit's check-in address, a QR code the entrance staff scan; without one, none.
 */
export async function classVisitConfirmation(facts: ClassVisitFacts, locale: Locale, options: { checkIn?: { address: string; shortCode: string } } = {}): Promise<Buffer> {
  const w = WORDS[locale];
  const document = new TaggedDocument(`${w.visitTitle}: ${facts.eventTitle}`, locale);
  document.heading(w.visitTitle);
  document.paragraph(facts.eventTitle);
  document.facts([
    [w.date, formatDate(berlinDate(facts.startsAt), locale)],
    [w.slot, `${CLOCK.format(facts.startsAt)} – ${CLOCK.format(facts.endsAt)}${w.clock}`],
    [w.venue, facts.venue],
    [w.school, facts.schoolName],
    [w.class, facts.className],
    [w.pupils, String(facts.pupils)],
    [w.teachers, String(facts.teachers)],
  ]);
  document.paragraph(w.visitNote);
  if (options.checkIn) {
    document.subheading(w.checkIn);
    document.figure(await qrPng(options.checkIn.address), w.qrAlt(options.checkIn.address), 130);
    document.paragraph(w.shortCode(options.checkIn.shortCode));
  }
  document.paragraph(w.footer);
  return document.finish();
}

/** A stand's confirmation: its number and everything the company booked with it. */
export function standConfirmation(facts: StandFacts, locale: Locale): Promise<Buffer> {
  const w = WORDS[locale];
  const document = new TaggedDocument(`${w.standTitle}: ${facts.eventTitle}`, locale);
  const days = facts.startsOn === facts.endsOn ? formatDate(facts.startsOn, locale) : `${formatDate(facts.startsOn, locale)} – ${formatDate(facts.endsOn, locale)}`;
  document.heading(w.standTitle);
  document.paragraph(facts.eventTitle);
  document.facts([
    [w.company, facts.companyName],
    [w.date, days],
    [w.venue, facts.venue],
    [w.standNumber, facts.standNumber ? String(facts.standNumber) : w.notAssigned],
    [w.size, facts.standSize],
    [w.place, facts.outdoor ? w.outdoor : w.indoor],
    [w.power, facts.powerNeeded ? w.yes : w.no],
    [w.activity, facts.handsOnActivity],
    [w.apprenticeships, facts.apprenticeships.join(', ') || w.none],
    [w.internships, facts.internships.join(', ') || w.none],
    [w.staff, String(facts.staffCount)],
  ]);
  document.paragraph(w.standNote);
  document.paragraph(w.footer);
  return document.finish();
}
