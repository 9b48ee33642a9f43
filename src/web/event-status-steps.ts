import type { EventStatus } from '../events/event-status';

/** The status changes an organiser makes in the pages, by the word in the address. */
export const STATUS_STEPS: Record<string, EventStatus> = { veroeffentlichen: 'published', schliessen: 'closed', oeffnen: 'published', abschliessen: 'completed', absagen: 'cancelled' };

/** Steps that lead to the same status from different ones say what they are: a draft is published, a closed registration opened again. */
const ONLY_FROM: Record<string, EventStatus> = { veroeffentlichen: 'draft', oeffnen: 'closed' };

/** Whether the step is the one to offer for an event in `status` that may go to the step's target. */
export const stepFits = (step: string, status: EventStatus) => !ONLY_FROM[step] || ONLY_FROM[step] === status;
