import { District } from '../../../organisations/region';

/** Occupational fields as the Steckbriefe name them, with a typical apprenticeship, the trade's word for a company and what a pupil does there. */
export const FIELDS = [
  { field: 'Metall, Maschinenbau', apprenticeship: 'Industriemechaniker/in', trade: 'Metallbau', tasks: 'Bohren, Feilen, Fräsen; ein kleines Werkstück selbst fertigen.' },
  { field: 'Elektro', apprenticeship: 'Elektroniker/in', trade: 'Elektro', tasks: 'Leitungen verlegen, Schalter anschließen, messen und prüfen.' },
  { field: 'Bau, Architektur', apprenticeship: 'Maurer/in', trade: 'Bauunternehmen', tasks: 'Mauern, Putzen, auf der Baustelle mit anpacken.' },
  { field: 'Holz', apprenticeship: 'Tischler/in', trade: 'Tischlerei', tasks: 'Sägen, Hobeln, Leimen; ein Regal nach Zeichnung bauen.' },
  { field: 'Lebensmittel', apprenticeship: 'Bäcker/in', trade: 'Bäckerei', tasks: 'Teig ansetzen, Brötchen formen, im Verkauf helfen.' },
  { field: 'Gesundheit, Pflege', apprenticeship: 'Pflegefachmann/-frau', trade: 'Pflegedienst', tasks: 'Bewohner begleiten, beim Essen helfen, den Alltag mitgestalten.' },
  { field: 'Handel, Verkauf', apprenticeship: 'Kaufmann/-frau im Einzelhandel', trade: 'Markt', tasks: 'Ware einräumen, Kunden beraten, an der Kasse mithelfen.' },
  { field: 'Kfz, Fahrzeugtechnik', apprenticeship: 'Kfz-Mechatroniker/in', trade: 'Autohaus', tasks: 'Reifen wechseln, Öl prüfen, bei der Inspektion zusehen und helfen.' },
  { field: 'Gastronomie, Hotel', apprenticeship: 'Koch/Köchin', trade: 'Gasthof', tasks: 'Gemüse schneiden, Gerichte anrichten, den Gastraum vorbereiten.' },
  { field: 'Landwirtschaft', apprenticeship: 'Landwirt/in', trade: 'Agrargenossenschaft', tasks: 'Tiere versorgen, Maschinen kennenlernen, auf dem Feld mitarbeiten.' },
  { field: 'Büro, Verwaltung', apprenticeship: 'Kaufmann/-frau für Büromanagement', trade: 'Steuerbüro', tasks: 'Post bearbeiten, Termine planen, Tabellen pflegen.' },
  { field: 'Körperpflege', apprenticeship: 'Friseur/in', trade: 'Friseursalon', tasks: 'Haare waschen, Kundschaft empfangen, Farben anmischen.' },
] as const;

/** Towns of the four districts, with a postal code that passes the profile's check. */
export const TOWNS: ReadonlyArray<{ town: string; postalCode: string; district: District }> = [
  { town: 'Nordhausen', postalCode: '99734', district: 'nordhausen' },
  { town: 'Bleicherode', postalCode: '99752', district: 'nordhausen' },
  { town: 'Ellrich', postalCode: '99755', district: 'nordhausen' },
  { town: 'Heringen/Helme', postalCode: '99765', district: 'nordhausen' },
  { town: 'Sondershausen', postalCode: '99706', district: 'kyffhaeuserkreis' },
  { town: 'Artern', postalCode: '06556', district: 'kyffhaeuserkreis' },
  { town: 'Bad Frankenhausen', postalCode: '06567', district: 'kyffhaeuserkreis' },
  { town: 'Greußen', postalCode: '99718', district: 'kyffhaeuserkreis' },
  { town: 'Mühlhausen', postalCode: '99974', district: 'unstrut-hainich-kreis' },
  { town: 'Bad Langensalza', postalCode: '99947', district: 'unstrut-hainich-kreis' },
  { town: 'Schlotheim', postalCode: '99994', district: 'unstrut-hainich-kreis' },
  { town: 'Heilbad Heiligenstadt', postalCode: '37308', district: 'eichsfeld' },
  { town: 'Leinefelde-Worbis', postalCode: '37327', district: 'eichsfeld' },
  { town: 'Dingelstädt', postalCode: '37351', district: 'eichsfeld' },
];

export const FIRST_NAMES = [
  'Mia', 'Ben', 'Emma', 'Paul', 'Hannah', 'Leon', 'Lena', 'Finn', 'Lea', 'Jonas', 'Sophie', 'Luca', 'Marie', 'Elias', 'Emilia', 'Noah',
  'Lina', 'Felix', 'Clara', 'Max', 'Johanna', 'Tim', 'Laura', 'Niklas', 'Anna', 'Moritz', 'Lilly', 'Tom', 'Ida', 'Erik',
];

export const LAST_NAMES = [
  'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann', 'Koch', 'Richter', 'Klein', 'Wolf',
  'Schröder', 'Neumann', 'Schwarz', 'Braun', 'Hofmann', 'Zimmermann', 'Krüger', 'Hartmann', 'Lange', 'Werner', 'Krause', 'Lehmann', 'Köhler', 'Kaiser',
];

/** What a pupil writes in an application, "as in real life". */
export const MESSAGES = [
  'Ich arbeite gern mit den Händen und möchte den Beruf kennenlernen.',
  'Mein Onkel arbeitet in diesem Beruf, und ich möchte es selbst ausprobieren.',
  'Ich bin pünktlich und zuverlässig und freue mich auf den Praxistag.',
  '',
];
