import { defineErrors } from '../common/errors/error-messages';

export const organisationErrors = defineErrors({
  organisation_not_approved: {
    status: 403,
    de: 'Ihre Organisation ist noch nicht freigeschaltet. Das Regionalmanagement prüft Ihre Registrierung; danach können Sie buchen.',
    en: 'Your organisation has not been approved yet. The regional management is reviewing your registration; you can book afterwards.',
  },
});
