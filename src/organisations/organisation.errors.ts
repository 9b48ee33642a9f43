import { defineThings } from '../common/errors/error-catalog';
import { defineErrors } from '../common/errors/error-messages';

export const organisationErrors = defineErrors({
  organisation_not_approved: {
    status: 403,
    de: 'Ihre Organisation ist noch nicht freigeschaltet. Das Regionalmanagement prüft Ihre Registrierung; danach können Sie buchen.',
    en: 'Your organisation has not been approved yet. The regional management is reviewing your registration; you can book afterwards.',
  },
  member_already_deactivated: {
    status: 409,
    de: (p) => `${p.name} ist bereits deaktiviert.`,
    en: (p) => `${p.name} has already been deactivated.`,
  },
  member_not_deactivated: {
    status: 409,
    de: (p) => `${p.name} ist nicht deaktiviert und kann sich anmelden.`,
    en: (p) => `${p.name} is not deactivated and can log in.`,
  },
});

/** What a 404 of this feature can be about. */
export const organisationThings = defineThings({
  organisation: { de: 'Die Organisation', en: 'The organisation' },
  company: { de: 'Das Unternehmen', en: 'The company' },
  school: { de: 'Die Schule', en: 'The school' },
  member: { de: 'Das Mitglied', en: 'The member' },
});
