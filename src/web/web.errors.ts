import { defineThings } from '../common/errors/error-catalog';

/** What a 404 of this feature can be about. */
export const webThings = defineThings({
  page: { de: 'Die Seite', en: 'The page' },
});
