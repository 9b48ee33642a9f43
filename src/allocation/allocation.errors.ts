import { defineThings } from '../common/errors/error-catalog';
import { defineErrors } from '../common/errors/error-messages';

/** The refusals of proposal runs, whichever program asks for them. */
export const allocationErrors = defineErrors({
  solver_failed: {
    status: 500,
    de: (p) => `Der Vorschlag konnte nicht berechnet werden (${p.reason}). Bitte versuchen Sie es noch einmal.`,
    en: (p) => `The proposal could not be computed (${p.reason}). Please try again.`,
  },
  proposal_not_ready: {
    status: 409,
    de: 'Der Vorschlag wird noch berechnet. Bitte warten Sie, bis er fertig ist.',
    en: 'The proposal is still being computed. Please wait until it is done.',
  },
  proposal_closed: {
    status: 409,
    de: (p) => `Dieser Vorschlag kann nicht mehr geändert oder angenommen werden (${p.status === 'committed' ? 'schon angenommen' : p.status === 'stale' ? 'veraltet' : 'fehlgeschlagen'}). Bitte fordern Sie einen neuen an.`,
    en: (p) => `This proposal can no longer be changed or accepted (${p.status === 'committed' ? 'already accepted' : p.status === 'stale' ? 'out of date' : 'failed'}). Please ask for a new one.`,
  },
});

export const allocationThings = defineThings({
  proposal: { de: 'Der Vorschlag', en: 'The proposal' },
});
