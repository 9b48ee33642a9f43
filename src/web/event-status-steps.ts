import type { EventStatus } from '../events/event-status';

/** The status changes an organiser makes in the pages, by the word in the address (publishing has its own button). */
export const STATUS_STEPS: Record<string, EventStatus> = { schliessen: 'closed', oeffnen: 'published', abschliessen: 'completed', absagen: 'cancelled' };
