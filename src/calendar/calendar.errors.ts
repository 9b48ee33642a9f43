import { defineThings } from '../common/errors/error-catalog';

/** What a 404 of this feature can be about. */
export const calendarThings = defineThings({
  calendar_feed: { de: 'Der Kalender', en: 'The calendar' },
  school_holidays: { de: 'Die Ferien', en: 'The school holidays' },
});
