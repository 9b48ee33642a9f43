import { defineThings } from '../common/errors/error-catalog';
import { defineErrors } from '../common/errors/error-messages';

export const organisationErrors = defineErrors({
  organisation_not_approved: {
    status: 403,
    de: 'Ihre Organisation ist noch nicht freigeschaltet. Das Regionalmanagement prüft Ihre Registrierung; danach können Sie buchen.',
    en: 'Your organisation has not been approved yet. The regional management is reviewing your registration; you can book afterwards.',
  },
});

/** What a 404 of this feature can be about. */
export const organisationThings = defineThings({
  organisation: { de: 'Die Organisation', en: 'The organisation' },
  company: { de: 'Das Unternehmen', en: 'The company' },
  school: { de: 'Die Schule', en: 'The school' },
});
