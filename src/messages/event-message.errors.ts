import { defineErrors } from '../common/errors/error-messages';

/** The refusals of the organisers' messages to the bookers of an event. */
export const eventMessageErrors = defineErrors({
  message_reaches_nobody: {
    status: 409,
    de: 'Mit dieser Auswahl erreicht die Nachricht niemanden: Keine Buchung passt zu Status, Zeitfenster und Empfängern. Bitte ändern Sie die Auswahl.',
    en: 'With this choice the message reaches nobody: no booking matches the states, time slots and recipients. Please change the choice.',
  },
});
