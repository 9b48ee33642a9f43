import { defineThings } from '../../../common/errors/error-catalog';
import { defineErrors } from '../../../common/errors/error-messages';
import { formatDate, formatDateTime } from '../../../common/time/berlin';
import { ApplicationStatus, STATUS_NAMES } from '../applications/application-status';

const at = (value: string | number, locale: 'de' | 'en') => formatDateTime(String(value), locale);
/** An application's state in words ("Platz angenommen"), never its code. */
const statusName = (status: string | number, locale: 'de' | 'en') => STATUS_NAMES[status as ApplicationStatus]?.[locale] ?? String(status);

/**
 * The refusals of a Praxistage year, each with its own code. Pupils read many of them on a
 * phone: short sentences, "du", and what to do next.
 */
export const praxistageYearErrors = defineErrors({
  school_holidays_missing: {
    status: 409,
    de: (p) => `Für den Vorschlag der Phasen fehlen Ferien: ${p.missing}. Bitte tragen Sie sie unter „Ferien“ ein oder geben Sie die Phasen selbst an.`,
    en: (p) => `Holidays are missing to propose the phases: ${p.missing}. Please add them under "Holidays" or give the phases yourself.`,
  },
  year_is_not_copied: {
    status: 409,
    de: 'Ein Durchgang der Praxistage wird nicht kopiert: Legen Sie unter „Neuer Durchgang“ einen an – die Phasen werden aus den Ferien vorgeschlagen, und die Unternehmen kopieren ihre Steckbriefe selbst.',
    en: 'A Praxistage year is not copied: create a new one under "New year" – its phases are proposed from the holidays, and companies copy their Steckbriefe themselves.',
  },
  year_uses_steckbriefe: {
    status: 409,
    de: 'In einem Praxistage-Durchgang beschreiben Unternehmen ihre Plätze im Steckbrief, nicht als einzelnes Angebot.',
    en: 'In a Praxistage year companies describe their places in a Steckbrief, not as a single offer.',
  },
  school_not_participating: {
    status: 409,
    de: 'Ihre Schule nimmt an diesem Durchgang noch nicht teil. Bitte legen Sie zuerst den Praxistag-Wochentag fest.',
    en: 'Your school does not take part in this year yet. Please set its practice weekday first.',
  },
  phase_not_open: {
    status: 409,
    de: (p) => `Bewerbungen für Phase ${p.number} gehen vom ${at(p.from, 'de')} bis ${at(p.until, 'de')} Uhr.`,
    en: (p) => `Applications for phase ${p.number} are open from ${at(p.from, 'en')} to ${at(p.until, 'en')}.`,
  },
  no_phase_open: {
    status: 409,
    de: 'Gerade kann man sich für keine Phase bewerben. Deine Schule sagt dir, wann es losgeht.',
    en: 'No phase is open for applications right now. Your school will tell you when it starts.',
  },
  application_limit_reached: {
    status: 409,
    de: (p) => `Du hast dich in dieser Phase schon ${p.max}-mal beworben. Mehr geht nicht – warte auf Antworten oder ziehe eine Bewerbung zurück.`,
    en: (p) => `You have already applied ${p.max} times in this phase. Wait for answers or withdraw an application.`,
  },
  already_applied: {
    status: 409,
    de: 'Bei diesem Betrieb hast du dich in dieser Phase schon beworben.',
    en: 'You have already applied to this company in this phase.',
  },
  steckbrief_not_available: {
    status: 409,
    de: 'Dieses Unternehmen hat an deinem Praxistag in dieser Phase keinen Platz.',
    en: 'This company has no place on your practice day in this phase.',
  },
  already_placed_this_phase: {
    status: 409,
    de: 'Du hast in dieser Phase schon einen Praxisplatz. Bewerben geht erst wieder für die nächste Phase.',
    en: 'You already have a place in this phase. You can apply again for the next phase.',
  },
  application_state: {
    status: 409,
    de: (p) => `Das geht nicht mehr: Die Bewerbung ist „${statusName(p.status, 'de')}“.`,
    en: (p) => `That is no longer possible: the application is "${statusName(p.status, 'en')}".`,
  },
  offer_lapsed: {
    status: 409,
    de: (p) => `Das Angebot galt bis ${at(p.until, 'de')} Uhr und ist abgelaufen. Der Platz ist wieder frei.`,
    en: (p) => `The offer was valid until ${at(p.until, 'en')} and has lapsed. The place is free again.`,
  },
  pupil_code_invalid: {
    status: 401,
    de: 'Dieser Code stimmt nicht. Bitte prüfe ihn auf dem Brief deiner Schule – oder frag deine Lehrerin oder deinen Lehrer.',
    en: 'This code is not right. Please check it on the letter from your school, or ask your teacher.',
  },
  pupil_login_required: {
    status: 401,
    de: 'Bitte melde dich mit dem Code von deiner Schule an.',
    en: 'Please log in with the code from your school.',
  },
  steckbrief_state: {
    status: 409,
    de: (p) => `Das geht im Zustand „${p.status}“ des Steckbriefs nicht.`,
    en: (p) => `That is not possible while the Steckbrief is "${p.status}".`,
  },
  steckbrief_incomplete: {
    status: 409,
    de: 'Der Steckbrief hat noch keine Plätze. Bitte tragen Sie für mindestens eine Phase und einen Wochentag Plätze ein.',
    en: 'The Steckbrief has no places yet. Please enter places for at least one phase and weekday.',
  },
  weekday_in_use: {
    status: 409,
    de: 'Der Praxistag kann so nicht geändert werden: Schülerinnen und Schüler haben an ihrem bisherigen Tag schon Bewerbungen, Angebote oder Plätze. Diese gelten nur für diesen Tag.',
    en: 'The practice day cannot be changed like this: pupils already hold applications, offers or places on their present day, which are for that day only.',
  },
  already_recorded: {
    status: 409,
    de: 'Das ist für diese Platzierung schon eingetragen.',
    en: 'This is already recorded for this placement.',
  },
  marks_limit_reached: {
    status: 409,
    de: (p) => `Auf deiner Merkliste stehen schon ${p.max} Betriebe. Nimm einen von der Liste, wenn du dir diesen merken willst.`,
    en: (p) => `Your list already holds ${p.max} companies. Take one off to keep this one.`,
  },
  phase_dates_outside_year: {
    status: 400,
    de: (p) => `Phase ${p.number} muss nach Phase ${Number(p.number) - 1} liegen (ab ${formatDate(String(p.after), 'de')}).`,
    en: (p) => `Phase ${p.number} must come after phase ${Number(p.number) - 1} (from ${formatDate(String(p.after), 'en')}).`,
  },
});

export const praxistageYearThings = defineThings({
  praxistage_year: { de: 'Der Praxistage-Durchgang', en: 'The Praxistage year' },
  phase: { de: 'Die Phase', en: 'The phase' },
  steckbrief: { de: 'Der Steckbrief', en: 'The Steckbrief' },
  application: { de: 'Die Bewerbung', en: 'The application' },
  mark: { de: 'Dieser Betrieb auf deiner Merkliste', en: 'This company on your list' },
  participant: { de: 'Die Schülerin / der Schüler', en: 'The pupil' },
});
