export const PROGRAMS = ['handwerkertag', 'schule-trifft-wirtschaft', 'praxistage'] as const;
export type Program = (typeof PROGRAMS)[number];

export const EVENT_STATUSES = ['draft', 'published', 'closed', 'completed', 'cancelled'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

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
