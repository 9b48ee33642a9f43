import { defineErrors } from './error-messages';
import { thingName } from './things';

export const commonErrors = defineErrors({
  validation_failed: {
    status: 400,
    de: 'Einige Angaben sind nicht gültig. Bitte prüfen Sie die markierten Felder.',
    en: 'Some fields are not valid. Please check the marked fields.',
  },
  malformed_json: {
    status: 400,
    de: 'Die Anfrage enthält kein gültiges JSON.',
    en: 'The request body is not valid JSON.',
  },
  body_encoding_invalid: {
    status: 400,
    de: 'Die Anfrage enthält Zeichen, die nicht als UTF-8 kodiert sind. Bitte den Text noch einmal eingeben statt ihn einzufügen.',
    en: 'The request contains characters that are not encoded as UTF-8. Please type the text again instead of pasting it.',
  },
  payload_too_large: {
    status: 413,
    de: 'Die Anfrage ist zu groß.',
    en: 'The request is too large.',
  },
  unsupported_media_type: {
    status: 415,
    de: 'Dieses Datenformat wird nicht unterstützt. Bitte JSON senden.',
    en: 'This content type is not supported. Please send JSON.',
  },
  not_found: {
    status: 404,
    de: (p) => (p.what ? `${thingName(String(p.what), 'de') ?? p.what} wurde nicht gefunden.` : 'Nicht gefunden.'),
    en: (p) => (p.what ? `${thingName(String(p.what), 'en') ?? p.what} was not found.` : 'Not found.'),
  },
  route_not_found: {
    status: 404,
    de: 'Diese Adresse gibt es nicht.',
    en: 'There is no such address.',
  },
  method_not_allowed: {
    status: 405,
    de: 'Diese Aktion ist hier nicht möglich.',
    en: 'This method is not allowed here.',
  },
  rate_limited: {
    status: 429,
    de: (p) => `Zu viele Versuche. Bitte versuchen Sie es in ${p.minutes} Minute(n) erneut.`,
    en: (p) => `Too many attempts. Please try again in ${p.minutes} minute(s).`,
  },
  database_unavailable: {
    status: 503,
    de: 'Die Datenbank ist gerade nicht erreichbar. Bitte versuchen Sie es gleich noch einmal.',
    en: 'The database is not reachable right now. Please try again shortly.',
  },
  conflict: {
    status: 409,
    de: 'Das widerspricht vorhandenen Daten.',
    en: 'This conflicts with existing data.',
  },
  internal: {
    status: 500,
    de: 'Ein unerwarteter Fehler ist aufgetreten. Wir kümmern uns darum.',
    en: 'An unexpected error occurred. We are looking into it.',
  },
});
