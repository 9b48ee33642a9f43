import { parseSchoolHolidaysIcs } from './school-holidays-ics';

/** Lines joined with CRLF, as RFC 5545 prescribes. */
const ics = (...lines: string[]) => lines.join('\r\n') + '\r\n';
const calendar = (...eventLines: string[]) =>
  ics('BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Praxisnah//Test//DE', ...eventLines, 'END:VCALENDAR');
let uid = 0;
const event = (...lines: string[]) =>
  ['BEGIN:VEVENT', `UID:${++uid}@schulferien.test`, 'DTSTAMP:20260101T000000Z', ...lines, 'END:VEVENT'];

// School year 2026/27 in Thuringia as published by the ministry: Herbstferien 12.–24.10.2026,
// Weihnachtsferien 23.12.2026–02.01.2027, Winterferien 01.–06.02.2027, Osterferien 22.03.–03.04.2027.
const thuringia2026 = ics(
  '\uFEFFBEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Freistaat Thüringen//Schulferien//DE',
  'X-WR-CALNAME:Schulferien Thüringen 2026/27',
  'BEGIN:VEVENT',
  'UID:herbst-2026@schulferien.test',
  'DTSTAMP:20250601T120000Z',
  'DTSTART;VALUE=DATE:20261012',
  'DTEND;VALUE=DATE:20261025',
  'SUMMARY:Herbstferien',
  // A folded line: the continuation starts with one space, which the parser must drop.
  'DESCRIPTION:Herbstferien Thüringen. Unterrichtsfreie Zeit für alle allgemeinbi',
  ' ldenden Schulen.',
  'TRANSP:TRANSPARENT',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:weihnachten-2026@schulferien.test',
  'DTSTAMP:20250601T120000Z',
  'DTSTART;VALUE=DATE:20261223',
  'DTEND;VALUE=DATE:20270103',
  'SUMMARY:Weihnachts',
  ' ferien',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:winter-2027@schulferien.test',
  'DTSTAMP:20250601T120000Z',
  'DTSTART;VALUE=DATE:20270201',
  'DTEND;VALUE=DATE:20270207',
  'SUMMARY:Winterferien',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:ostern-2027@schulferien.test',
  'DTSTAMP:20250601T120000Z',
  'DTSTART;VALUE=DATE:20270322',
  'DTEND;VALUE=DATE:20270404',
  'SUMMARY:Osterferien Thüringen\\, 2027',
  'END:VEVENT',
  'END:VCALENDAR',
);

describe('parseSchoolHolidaysIcs', () => {
  it('reads the Thuringian holidays of 2026/27 with inclusive last days', () => {
    expect(parseSchoolHolidaysIcs(thuringia2026)).toEqual([
      { firstDay: '2026-10-12', lastDay: '2026-10-24', name: 'Herbstferien' },
      { firstDay: '2026-12-23', lastDay: '2027-01-02', name: 'Weihnachtsferien' },
      { firstDay: '2027-02-01', lastDay: '2027-02-06', name: 'Winterferien' },
      { firstDay: '2027-03-22', lastDay: '2027-04-03', name: 'Osterferien Thüringen, 2027' },
    ]);
  });

  it('also reads LF line endings and sorts events by first day', () => {
    const text = calendar(
      ...event('DTSTART;VALUE=DATE:20270201', 'DTEND;VALUE=DATE:20270207', 'SUMMARY:Winterferien'),
      ...event('DTSTART;VALUE=DATE:20261012', 'DTEND;VALUE=DATE:20261025', 'SUMMARY:Herbstferien'),
    ).replace(/\r\n/g, '\n');
    expect(parseSchoolHolidaysIcs(text).map((range) => range.name)).toEqual(['Herbstferien', 'Winterferien']);
  });

  it('takes a single day when DTEND is missing', () => {
    expect(parseSchoolHolidaysIcs(calendar(...event('DTSTART;VALUE=DATE:20270507', 'SUMMARY:Beweglicher Ferientag')))).toEqual([
      { firstDay: '2027-05-07', lastDay: '2027-05-07', name: 'Beweglicher Ferientag' },
    ]);
  });

  it('uses DURATION when there is no DTEND', () => {
    expect(parseSchoolHolidaysIcs(calendar(...event('DTSTART;VALUE=DATE:20270201', 'DURATION:P6D', 'SUMMARY:Winterferien')))).toEqual([
      { firstDay: '2027-02-01', lastDay: '2027-02-06', name: 'Winterferien' },
    ]);
  });

  it('takes the Berlin calendar date of UTC date-times', () => {
    // 22:00Z on 11 October is midnight in Berlin (CEST) on 12 October; the exclusive end at
    // Berlin midnight of 25 October leaves the 24th as the last day.
    const text = calendar(...event('DTSTART:20261011T220000Z', 'DTEND:20261024T220000Z', 'SUMMARY:Herbstferien'));
    expect(parseSchoolHolidaysIcs(text)).toEqual([{ firstDay: '2026-10-12', lastDay: '2026-10-24', name: 'Herbstferien' }]);
  });

  it('reads a TZID without VTIMEZONE as that IANA zone, and an unknown one as Berlin', () => {
    const text = calendar(
      ...event('DTSTART;TZID=Europe/Berlin:20261223T000000', 'DTEND;TZID=Europe/Berlin:20270102T180000', 'SUMMARY:Weihnachtsferien'),
      // 20:00 in New York on 31 January is 02:00 on 1 February in Berlin.
      ...event('DTSTART;TZID=America/New_York:20270131T200000', 'DTEND;TZID=America/New_York:20270206T120000', 'SUMMARY:Winterferien'),
      ...event('DTSTART;TZID=Mitteleuropa:20270322T000000', 'DTEND;TZID=Mitteleuropa:20270404T000000', 'SUMMARY:Osterferien'),
    );
    expect(parseSchoolHolidaysIcs(text)).toEqual([
      { firstDay: '2026-12-23', lastDay: '2027-01-02', name: 'Weihnachtsferien' },
      { firstDay: '2027-02-01', lastDay: '2027-02-06', name: 'Winterferien' },
      { firstDay: '2027-03-22', lastDay: '2027-04-03', name: 'Osterferien' },
    ]);
  });

  it('uses a VTIMEZONE given in the file', () => {
    // A zone name no tz database knows, defined only by its VTIMEZONE (+09:00): 05:00 there on
    // 12 October is 22:00 in Berlin on 11 October.
    const text = calendar(
      'BEGIN:VTIMEZONE',
      'TZID:Tokyo Standard Time',
      'BEGIN:STANDARD',
      'DTSTART:16010101T000000',
      'TZOFFSETFROM:+0900',
      'TZOFFSETTO:+0900',
      'END:STANDARD',
      'END:VTIMEZONE',
      ...event('DTSTART;TZID=Tokyo Standard Time:20261012T050000', 'DTEND;TZID=Tokyo Standard Time:20261025T070000', 'SUMMARY:Herbstferien'),
    );
    expect(parseSchoolHolidaysIcs(text)).toEqual([{ firstDay: '2026-10-11', lastDay: '2026-10-24', name: 'Herbstferien' }]);
  });

  it('skips cancelled events and names an event without SUMMARY "Schulferien"', () => {
    const text = calendar(
      ...event('DTSTART;VALUE=DATE:20270201', 'DTEND;VALUE=DATE:20270207', 'STATUS:CANCELLED', 'SUMMARY:Winterferien (alt)'),
      ...event('DTSTART;VALUE=DATE:20270208', 'DTEND;VALUE=DATE:20270213'),
    );
    expect(parseSchoolHolidaysIcs(text)).toEqual([{ firstDay: '2027-02-08', lastDay: '2027-02-12', name: 'Schulferien' }]);
  });

  it.each([
    ['plain text', 'Herbstferien 12.10.–24.10.2026', /Not a valid iCalendar file/],
    ['an empty string', '', /Not an iCalendar file/],
    ['a vCard', ics('BEGIN:VCARD', 'VERSION:4.0', 'FN:Erika Mustermann', 'END:VCARD'), /Not an iCalendar file/],
    ['an unterminated calendar', 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\n', /Not a valid iCalendar file/],
    ['a calendar without events', calendar(), /no usable VEVENT/],
    ['a calendar with only an event without DTSTART', calendar(...event('SUMMARY:Herbstferien')), /no usable VEVENT/],
  ])('rejects %s', (_, text, message) => {
    expect(() => parseSchoolHolidaysIcs(text)).toThrow(RangeError);
    expect(() => parseSchoolHolidaysIcs(text)).toThrow(message);
  });

  it('rejects impossible dates, events that end before they start, mixed value types and repeats', () => {
    expect(() => parseSchoolHolidaysIcs(calendar(...event('DTSTART;VALUE=DATE:20261345', 'SUMMARY:Herbstferien')))).toThrow(
      /DTSTART of VEVENT "Herbstferien" must be a calendar date/,
    );
    expect(() =>
      parseSchoolHolidaysIcs(calendar(...event('DTSTART;VALUE=DATE:20261025', 'DTEND;VALUE=DATE:20261012', 'SUMMARY:Herbstferien'))),
    ).toThrow('VEVENT "Herbstferien" ends before it starts (2026-10-25)');
    expect(() =>
      parseSchoolHolidaysIcs(calendar(...event('DTSTART;VALUE=DATE:20261012', 'DTEND:20261024T220000Z', 'SUMMARY:Herbstferien'))),
    ).toThrow('VEVENT "Herbstferien" mixes a DATE and a DATE-TIME in DTSTART and DTEND');
    expect(() =>
      parseSchoolHolidaysIcs(calendar(...event('DTSTART;VALUE=DATE:20261012', 'RRULE:FREQ=YEARLY;COUNT=3', 'SUMMARY:Herbstferien'))),
    ).toThrow(/repeats \(RRULE\/RDATE\)/);
  });
});
