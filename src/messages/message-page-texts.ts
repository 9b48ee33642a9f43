/** The pages of the organisers' messages to the bookers of an event. */
export const MESSAGE_PAGE_TEXTS: Record<'de' | 'en', Record<string, string>> = {
  de: {
    'messages.title': 'Nachrichten an die Teilnehmenden', 'messages.link': 'Nachricht an die Teilnehmenden schreiben', 'messages.listLink': 'Gesendete Nachrichten',
    'messages.intro': 'Schreiben Sie allen Betrieben und Schulen mit Buchungen für diese Veranstaltung – oder nur einem Teil von ihnen. Jede Person bekommt die Nachricht in ihrer Sprache.',
    'messages.new': 'Neue Nachricht', 'messages.none': 'Für diese Veranstaltung wurde noch keine Nachricht gesendet.',
    'messages.subjectDe': 'Betreff (Deutsch)', 'messages.textDe': 'Text (Deutsch)', 'messages.english': 'Englische Fassung (freiwillig)',
    'messages.englishHint': 'Ohne englische Fassung bekommen alle, die Englisch eingestellt haben, die deutsche Nachricht.',
    'messages.subjectEn': 'Betreff (Englisch)', 'messages.textEn': 'Text (Englisch)',
    'messages.to': 'An wen?', 'messages.statuses': 'Buchungen mit dem Status', 'messages.kinds': 'Empfänger', 'messages.kind.company': 'Betriebe', 'messages.kind.school': 'Schulen',
    'messages.slots': 'Nur Buchungen in diesen Zeitfenstern', 'messages.slotsHint': 'Keins gewählt: alle Buchungen, gleich in welchem Zeitfenster.',
    'messages.toPreview': 'Vorschau ansehen', 'messages.previewTitle': 'Nachricht prüfen',
    'messages.reach': 'Erreicht {organisations}, {people}', 'messages.reachBookings': '(aus {bookings})',
    'messages.inGerman': 'Auf Deutsch – an {people}', 'messages.inEnglish': 'Auf Englisch – an {people}',
    'messages.germanForEnglish': 'Es gibt keine englische Fassung: Wer Englisch eingestellt hat ({people}), bekommt die deutsche Nachricht.',
    'messages.subject': 'Betreff', 'messages.send': 'Jetzt an {people} senden', 'messages.change': 'Nachricht ändern',
    'messages.sentAt': 'Gesendet', 'messages.sentBy': 'von', 'messages.recipients': 'Empfängerinnen und Empfänger ({count})', 'messages.filter': 'Auswahl',
    'messages.address': 'Adresse', 'messages.organisation': 'Organisation', 'messages.language': 'Sprache', 'messages.state': 'Zustand',
    'messages.language.de': 'Deutsch', 'messages.language.en': 'Englisch', 'messages.allSlots': 'alle Zeitfenster', 'messages.slotCount': '{count} Zeitfenster',
    'messages.state.pending': 'wartet auf Versand', 'messages.state.sent': 'gesendet', 'messages.state.failed': 'fehlgeschlagen',
    'flash.messageSent': 'Die Nachricht ist unterwegs: Jede Person bekommt sie in ihrer Sprache.',
  },
  en: {
    'messages.title': 'Messages to the participants', 'messages.link': 'Write to the participants', 'messages.listLink': 'Messages sent',
    'messages.intro': 'Write to all companies and schools with bookings for this event, or to some of them. Each person gets the message in their language.',
    'messages.new': 'New message', 'messages.none': 'No message has been sent for this event yet.',
    'messages.subjectDe': 'Subject (German)', 'messages.textDe': 'Text (German)', 'messages.english': 'English version (optional)',
    'messages.englishHint': 'Without an English version, everyone who chose English gets the German message.',
    'messages.subjectEn': 'Subject (English)', 'messages.textEn': 'Text (English)',
    'messages.to': 'To whom?', 'messages.statuses': 'Bookings in the state', 'messages.kinds': 'Recipients', 'messages.kind.company': 'Companies', 'messages.kind.school': 'Schools',
    'messages.slots': 'Only bookings in these time slots', 'messages.slotsHint': 'None chosen: all bookings, whatever their time slot.',
    'messages.toPreview': 'Preview', 'messages.previewTitle': 'Check the message',
    'messages.reach': 'Reaches {organisations}, {people}', 'messages.reachBookings': '(from {bookings})',
    'messages.inGerman': 'In German – to {people}', 'messages.inEnglish': 'In English – to {people}',
    'messages.germanForEnglish': 'There is no English version: whoever chose English ({people}) gets the German message.',
    'messages.subject': 'Subject', 'messages.send': 'Send to {people} now', 'messages.change': 'Change the message',
    'messages.sentAt': 'Sent', 'messages.sentBy': 'by', 'messages.recipients': 'Recipients ({count})', 'messages.filter': 'Choice',
    'messages.address': 'Address', 'messages.organisation': 'Organisation', 'messages.language': 'Language', 'messages.state': 'State',
    'messages.language.de': 'German', 'messages.language.en': 'English', 'messages.allSlots': 'all time slots', 'messages.slotCount': '{count} time slots',
    'messages.state.pending': 'waiting to be sent', 'messages.state.sent': 'sent', 'messages.state.failed': 'failed',
    'flash.messageSent': 'The message is on its way: each person gets it in their language.',
  },
};

const NOUNS = {
  de: { organisation: ['Organisation', 'Organisationen'], person: ['Person', 'Personen'], booking: ['Buchung', 'Buchungen'] },
  en: { organisation: ['organisation', 'organisations'], person: ['person', 'people'], booking: ['booking', 'bookings'] },
} as const;

/** "1 Person", "31 Personen": a count with its noun, for the texts above that say how many. */
export const counted = (locale: 'de' | 'en', count: number, noun: keyof (typeof NOUNS)['de']) => `${count} ${NOUNS[locale][noun][count === 1 ? 0 : 1]}`;

/** The counts of a message's reach in words. */
export const reachWords = (locale: 'de' | 'en', reach: { bookings: number; organisations: number; people: number }) => ({
  bookings: counted(locale, reach.bookings, 'booking'),
  organisations: counted(locale, reach.organisations, 'organisation'),
  people: counted(locale, reach.people, 'person'),
});
