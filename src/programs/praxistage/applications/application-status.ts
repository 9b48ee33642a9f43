/**
 * An application's way: submitted → (interview) → offered → accepted; the company may
 * decline before it offers, the pupil may withdraw, decline an offer or let it lapse. An
 * offered place holds a placement (pending) in the engine; accepting confirms it.
 */
export const APPLICATION_STATUSES = ['submitted', 'interview', 'offered', 'accepted', 'declined_by_company', 'declined_by_pupil', 'withdrawn', 'lapsed'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** Still in play: counts against the limit per phase and for "only once per company". */
export const ACTIVE_APPLICATION: readonly ApplicationStatus[] = ['submitted', 'interview', 'offered', 'accepted'];
/** The company can still decide. */
export const UNDECIDED: readonly ApplicationStatus[] = ['submitted', 'interview'];

export const STATUS_NAMES: Record<ApplicationStatus, { de: string; en: string }> = {
  submitted: { de: 'beworben', en: 'applied' },
  interview: { de: 'zum Gespräch eingeladen', en: 'invited to an interview' },
  offered: { de: 'Platz angeboten', en: 'place offered' },
  accepted: { de: 'Platz angenommen', en: 'place accepted' },
  declined_by_company: { de: 'Absage vom Betrieb', en: 'declined by the company' },
  declined_by_pupil: { de: 'Angebot abgelehnt', en: 'offer declined' },
  withdrawn: { de: 'zurückgezogen', en: 'withdrawn' },
  lapsed: { de: 'Angebot abgelaufen', en: 'offer lapsed' },
};
