import { defineThings } from '../common/errors/error-catalog';

/** What a 404 of this feature can be about. */
export const exportThings = defineThings({
  attendee_list: { de: 'Die Liste', en: 'The list' },
});
