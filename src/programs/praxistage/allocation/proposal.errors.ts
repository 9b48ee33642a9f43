import { defineErrors } from '../../../common/errors/error-messages';

const RULES: Record<string, { de: string; en: string }> = {
  practice_weekday: { de: 'Der Steckbrief hat in dieser Phase keinen Platz am Praxistag der Schülerin / des Schülers', en: "the Steckbrief has no place on the pupil's practice day in this phase" },
  place_free: { de: 'dort ist kein Platz mehr frei (auch nicht nach den anderen Zeilen des Vorschlags)', en: 'no place is free there (counting the other lines of the proposal)' },
  same_company_again: { de: 'bei diesem Betrieb war die Schülerin / der Schüler schon in einer früheren Phase', en: 'the pupil was with this company in an earlier phase' },
  same_field_again: { de: 'dieses Berufsfeld hatte die Schülerin / der Schüler schon in einer früheren Phase', en: 'the pupil had this occupational field in an earlier phase' },
  pupil_placed: { de: 'die Schülerin / der Schüler hat inzwischen einen Platz in dieser Phase', en: 'the pupil has meanwhile got a place in this phase' },
  place_gone: { de: 'der Platz wird nicht mehr angeboten', en: 'the place is no longer offered' },
};
const rule = (name: string | number, locale: 'de' | 'en') => RULES[String(name)]?.[locale] ?? String(name);

/** The refusals of a Praxistage phase's proposal, naming the rule or the conflict. */
export const proposalErrors = defineErrors({
  proposal_line_breaks_rule: {
    status: 409,
    de: (p) => `Diese Änderung geht nicht für ${p.pupil}: ${rule(p.rule, 'de')}.`,
    en: (p) => `This change is not possible for ${p.pupil}: ${rule(p.rule, 'en')}.`,
  },
  proposal_line_unknown: {
    status: 400,
    de: 'Diese Schülerin / dieser Schüler steht nicht im Vorschlag.',
    en: 'This pupil is not part of the proposal.',
  },
  /** One line of a stale proposal that can no longer be sent (a conflict of proposal_stale). */
  proposal_line_conflict: {
    status: 409,
    de: (p) => `Für ${p.pupil}: ${rule(p.rule, 'de')}.`,
    en: (p) => `For ${p.pupil}: ${rule(p.rule, 'en')}.`,
  },
  proposal_stale: {
    status: 409,
    de: (p) => `Der Vorschlag ist veraltet, es wurde nichts gebucht. ${p.conflicts ?? ''} Bitte fordern Sie einen neuen Vorschlag an.`,
    en: (p) => `The proposal is out of date; nothing was booked. ${p.conflicts ?? ''} Please ask for a new proposal.`,
  },
});
