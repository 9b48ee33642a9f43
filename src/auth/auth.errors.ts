import { defineThings } from '../common/errors/error-catalog';
import { defineErrors } from '../common/errors/error-messages';

export const authErrors = defineErrors({
  unauthenticated: {
    status: 401,
    de: 'Bitte melden Sie sich an.',
    en: 'Please log in.',
  },
  invalid_credentials: {
    status: 401,
    de: 'E-Mail-Adresse oder Passwort ist falsch.',
    en: 'The e-mail address or password is wrong.',
  },
  account_deactivated: {
    status: 403,
    de: 'Ihr Zugang ist deaktiviert. Wenn Sie wieder Zugang brauchen, wenden Sie sich bitte an das Regionalmanagement.',
    en: 'Your account has been deactivated. If you need access again, please contact the regional management.',
  },
  forbidden: {
    status: 403,
    de: 'Dafür fehlt Ihnen die Berechtigung.',
    en: 'You are not allowed to do this.',
  },
  read_only: {
    status: 403,
    de: 'Ihr Zugang ist nur zum Lesen: Sie können Daten ansehen, aber nichts ändern.',
    en: 'Your access is read-only: you can view data but not change it.',
  },
  email_taken: {
    status: 409,
    de: 'Mit dieser E-Mail-Adresse gibt es schon ein Konto. Bitte melden Sie sich an oder lassen Sie sich von einer Kollegin oder einem Kollegen einladen.',
    en: 'An account with this e-mail address already exists. Please log in or ask a colleague to invite you.',
  },
  invitation_invalid: {
    status: 404,
    de: 'Diese Einladung ist ungültig, abgelaufen oder schon verwendet. Bitten Sie um eine neue Einladung.',
    en: 'This invitation is invalid, expired or already used. Please ask for a new one.',
  },
  password_reset_invalid: {
    status: 404,
    de: 'Dieser Link zum Zurücksetzen ist ungültig, abgelaufen oder schon benutzt. Bitte fordern Sie einen neuen an.',
    en: 'This reset link is invalid, expired or already used. Please request a new one.',
  },
  invitation_pending: {
    status: 409,
    de: 'An diese E-Mail-Adresse ist schon eine offene Einladung unterwegs.',
    en: 'An open invitation to this e-mail address already exists.',
  },
});

/** What a 404 of this feature can be about. */
export const authThings = defineThings({
  api_token: { de: 'Der Zugangsschlüssel', en: 'The access key' },
  invitation: { de: 'Die Einladung', en: 'The invitation' },
});
