export const PROGRAMS = ['handwerkertag', 'schule-trifft-wirtschaft', 'praxistage'] as const;
export type Program = (typeof PROGRAMS)[number];

/** What people call each program, in calendars and wherever a program is named without the pages' texts. */
export const PROGRAM_NAMES: Record<Program, { de: string; en: string }> = {
  handwerkertag: { de: 'Handwerkertag', en: 'Crafts fair' },
  'schule-trifft-wirtschaft': { de: 'Schule trifft Wirtschaft', en: 'School meets business' },
  praxistage: { de: 'Praxistage', en: 'Practice days' },
};

export const EVENT_STATUSES = ['draft', 'published', 'closed', 'completed', 'cancelled'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

/** What an event's state is called wherever a person reads it: pages, lists, error messages. */
export const EVENT_STATUS_NAMES: Record<EventStatus, { de: string; en: string }> = {
  draft: { de: 'Entwurf', en: 'draft' },
  published: { de: 'veröffentlicht', en: 'published' },
  closed: { de: 'Anmeldung geschlossen', en: 'registration closed' },
  completed: { de: 'abgeschlossen', en: 'completed' },
  cancelled: { de: 'abgesagt', en: 'cancelled' },
};

/**
 * The life of an event. Only a published event takes bookings; closing stops new ones
 * (and can be undone); cancelling cancels every booking and is final, like completing.
 */
export const EVENT_TRANSITIONS: Record<EventStatus, readonly EventStatus[]> = {
  draft: ['published', 'cancelled'],
  published: ['closed', 'completed', 'cancelled'],
  closed: ['published', 'completed', 'cancelled'],
  completed: [],
  cancelled: [],
};

/** What members of companies and schools may see; drafts stay with the organisers. */
export const VISIBLE_STATUSES: readonly EventStatus[] = ['published', 'closed', 'completed', 'cancelled'];
