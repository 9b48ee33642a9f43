import { berlinDate, formatDate, formatDateTime, parseInstant } from './berlin';

describe('Berlin time', () => {
  it('reads local times as Berlin wall-clock time, across the clock change', () => {
    expect(parseInstant('2027-03-26T08:30').toISOString()).toBe('2027-03-26T07:30:00.000Z'); // CET
    expect(parseInstant('2027-03-29T08:30').toISOString()).toBe('2027-03-29T06:30:00.000Z'); // CEST
    expect(parseInstant('2027-05-08T08:30:00+02:00').toISOString()).toBe('2027-05-08T06:30:00.000Z');
  });

  it('formats for people in German and English', () => {
    expect(formatDateTime('2027-05-08T06:30:00Z', 'de')).toBe('08.05.2027, 08:30');
    expect(formatDate('2027-05-08', 'de')).toBe('08.05.2027');
    expect(formatDate('2027-05-08', 'en')).toBe('8 May 2027');
  });

  it('knows the Berlin date of an instant near midnight', () => {
    expect(berlinDate(new Date('2027-05-07T22:30:00Z'))).toBe('2027-05-08');
  });
});
