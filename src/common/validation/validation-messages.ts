import type { Locale } from '../errors/error-messages';

/**
 * German (and tidied English) texts for class-validator's rules. class-validator writes
 * English sentences such as "name must be longer than or equal to 2 characters"; the
 * rule and its numbers are read back from that sentence, so the DTOs need no message
 * on every decorator. Messages given as a key of `namedMessages` win.
 */
const rules: Array<{ pattern: RegExp; de: (m: RegExpMatchArray) => string; en: (m: RegExpMatchArray) => string }> = [
  { pattern: /should not exist$/, de: () => 'ist kein bekanntes Feld', en: () => 'is not a known field' },
  { pattern: /should not be null or undefined$/, de: () => 'fehlt', en: () => 'is required' },
  { pattern: /should not be empty$/, de: () => 'darf nicht leer sein', en: () => 'must not be empty' },
  { pattern: /must be an email$/, de: () => 'muss eine gültige E-Mail-Adresse sein', en: () => 'must be a valid e-mail address' },
  { pattern: /must be a string$/, de: () => 'muss ein Text sein', en: () => 'must be text' },
  { pattern: /must be a boolean value$/, de: () => 'muss wahr oder falsch sein', en: () => 'must be true or false' },
  { pattern: /must be an integer number$/, de: () => 'muss eine ganze Zahl sein', en: () => 'must be a whole number' },
  { pattern: /must be a number conforming/, de: () => 'muss eine Zahl sein', en: () => 'must be a number' },
  { pattern: /must be an array$/, de: () => 'muss eine Liste sein', en: () => 'must be a list' },
  { pattern: /must be a UUID$/, de: () => 'muss eine gültige ID sein', en: () => 'must be a valid id' },
  { pattern: /must be a URL address$/, de: () => 'muss eine gültige Internetadresse sein (z. B. https://beispiel.de)', en: () => 'must be a valid web address (e.g. https://example.com)' },
  { pattern: /must be a valid ISO 8601 date string$/, de: () => 'muss ein Datum im Format JJJJ-MM-TT sein', en: () => 'must be a date in the form YYYY-MM-DD' },
  { pattern: /must be longer than or equal to (\d+) characters$/, de: (m) => `muss mindestens ${m[1]} Zeichen lang sein`, en: (m) => `must be at least ${m[1]} characters long` },
  { pattern: /must be shorter than or equal to (\d+) characters$/, de: (m) => `darf höchstens ${m[1]} Zeichen lang sein`, en: (m) => `must be at most ${m[1]} characters long` },
  { pattern: /must not be less than (-?[\d.]+)$/, de: (m) => `darf nicht kleiner als ${m[1]} sein`, en: (m) => `must not be less than ${m[1]}` },
  { pattern: /must not be greater than (-?[\d.]+)$/, de: (m) => `darf nicht größer als ${m[1]} sein`, en: (m) => `must not be greater than ${m[1]}` },
  { pattern: /must contain no more than (\d+) elements$/, de: (m) => `darf höchstens ${m[1]} Einträge enthalten`, en: (m) => `must contain at most ${m[1]} entries` },
  { pattern: /All \S+'s elements must be unique$/, de: () => 'darf keine doppelten Einträge enthalten', en: () => 'must not contain duplicates' },
  { pattern: /must be one of the following values: (.*)$/, de: (m) => `muss einer dieser Werte sein: ${m[1]}`, en: (m) => `must be one of: ${m[1]}` },
  { pattern: /each value in .* must be (.*)$/, de: (m) => `jeder Eintrag muss ${m[1]} sein`, en: (m) => `each entry must be ${m[1]}` },
  { pattern: /nested property .* must be either object or array$/, de: () => 'muss ein Objekt sein', en: () => 'must be an object' },
];

/** Messages given by key in a DTO, e.g. `@Matches(/^\d{5}$/, { message: 'postalCode' })`. */
export const namedMessages: Record<string, { de: string; en: string }> = {
  postalCode: { de: 'muss aus genau 5 Ziffern bestehen', en: 'must consist of exactly 5 digits' },
  phone: { de: 'muss eine Telefonnummer sein (Ziffern, Leerzeichen, + / - ( ))', en: 'must be a phone number (digits, spaces, + / - ( ))' },
  notBlank: { de: 'darf nicht leer sein', en: 'must not be empty' },
  maxNesting: { de: 'ist zu tief verschachtelt', en: 'is nested too deeply' },
  wellFormedText: { de: 'enthält Zeichen, die kein Text sind (z. B. ein Nullzeichen)', en: 'contains characters that are no text (e.g. a null character)' },
  classTeacherOrName: { de: 'muss ein Name sein', en: 'must be a name' },
  jsonObject: { de: 'Der Inhalt der Anfrage muss ein JSON-Objekt sein', en: 'The request body must be a JSON object' },
  unknownClass: { de: 'ist keine Klasse Ihrer Schule', en: 'is not a class of your school' },
  emailTaken: { de: 'ist schon für ein Konto vergeben', en: 'is already used by an account' },
  classNameTaken: { de: 'gibt es an dieser Schule schon', en: 'already exists at this school' },
  invitationPending: { de: 'hat schon eine offene Einladung', en: 'already has an open invitation' },
  roleNotYours: { de: 'kann nur das Regionalmanagement vergeben; Kolleginnen und Kollegen werden ohne Rolle eingeladen', en: 'can only be set by the organisers; invite colleagues without a role' },
  idempotencyKey: { de: 'muss aus 1 bis 200 druckbaren ASCII-Zeichen bestehen', en: 'must be 1 to 200 printable ASCII characters' },
  dateTime: { de: 'muss ein Zeitpunkt wie 2027-05-08T08:30 sein (ohne Zeitzone: deutsche Zeit)', en: 'must be a time such as 2027-05-08T08:30 (without offset: German time)' },
  clockTime: { de: 'muss eine Uhrzeit wie 07:30 sein', en: 'must be a time of day such as 07:30' },
  notAfterStart: { de: 'muss nach dem Beginn liegen', en: 'must be after the start' },
  notInFuture: { de: 'muss in der Zukunft liegen', en: 'must be in the future' },
  requiredForProgram: { de: 'fehlt (für dieses Programm nötig)', en: 'is required for this program' },
  notForProgram: { de: 'gibt es bei diesem Programm nicht', en: 'does not exist for this program' },
  notInEvent: { de: 'gehört nicht zu dieser Veranstaltung', en: 'does not belong to this event' },
  unknownSchool: { de: 'ist keine bekannte Schule', en: 'is not a known school' },
  outsideTerm: { de: 'liegt nicht im Zeitraum der Praxistage', en: 'is outside the term' },
  outsideOffer: { de: 'liegt nicht im Zeitraum des Angebots', en: 'is outside the offer' },
  weekdayNotOffered: { de: 'wird bei diesem Angebot nicht angeboten', en: 'is not offered by this offer' },
  unknownPupil: { de: 'ist keine Schülerin / kein Schüler Ihrer Schule', en: 'is not a pupil of your school' },
  schoolYear: { de: 'muss ein Schuljahr wie 2026/27 sein', en: 'must be a school year such as 2026/27' },
  icsUnreadable: { de: 'ist keine lesbare Kalenderdatei (.ics) mit Ferien', en: 'is not a readable calendar file (.ics) with holidays' },
  month: { de: 'muss ein Monat wie 2027-03 sein', en: 'must be a month such as 2027-03' },
  date: { de: 'muss ein gültiges Datum im Format JJJJ-MM-TT sein', en: 'must be a valid date in the form YYYY-MM-DD' },
  duplicate: { de: 'kommt doppelt vor', en: 'appears twice' },
  notAfterPrevious: { de: 'muss nach der vorigen Phase liegen', en: 'must come after the previous phase' },
  notParticipating: { de: 'nimmt an diesem Durchgang nicht teil', en: 'does not take part in this year' },
  unknownPhase: { de: 'ist keine Phase dieses Durchgangs (1 bis 4)', en: 'is not a phase of this year (1 to 4)' },
  unknownSteckbrief: { de: 'ist kein freigegebener Steckbrief dieses Durchgangs', en: 'is not an approved Steckbrief of this year' },
  notYourPlacement: { de: 'ist keine Praxistage-Platzierung Ihres Unternehmens', en: 'is not a Praxistage placement of your company' },
  oneWishTarget: { de: 'muss entweder ein Berufsfeld oder ein Unternehmen nennen', en: 'must name either an occupational field or a company' },
  notRegisteredForDay: { de: 'ist kein für diesen Tag angemeldetes Unternehmen', en: 'is not a company registered for this day' },
  singleLine: { de: 'muss in eine Zeile passen', en: 'must fit on one line' },
  englishIncomplete: { de: 'fehlt: Die englische Fassung braucht Betreff und Text (oder keins von beiden)', en: 'is missing: the English version needs a subject and a text (or neither)' },
};

export function localizeValidationMessage(message: string, locale: Locale): string {
  const named = namedMessages[message];
  if (named) return named[locale];
  for (const rule of rules) {
    const match = message.match(rule.pattern);
    if (match) return rule[locale](match);
  }
  return message;
}
