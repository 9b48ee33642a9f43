import { defineThings } from '../common/errors/error-catalog';

/** What a 404 of this feature can be about. */
export const notificationThings = defineThings({
  mail: { de: 'Die Nachricht', en: 'The message' },
  failed_mail: { de: 'Die fehlgeschlagene Nachricht', en: 'The failed message' },
});
