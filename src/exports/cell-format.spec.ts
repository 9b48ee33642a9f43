import { neutralise } from './attendee-list';
import { cellText } from './cell-format';

describe('cells of exported lists', () => {
  it.each([['=1+1', "'=1+1"], ['+49 3631', "'+49 3631"], ['-5', "'-5"], ['@SUM(A1)', "'@SUM(A1)"], ['\tx', "'\tx"], ['Bäckerei', 'Bäckerei'], ['a=b', 'a=b']])(
    'defuses %j as %j',
    (input, output) => expect(neutralise(input)).toBe(output),
  );

  it('writes German dates and Berlin times, numbers as numbers, yes/no in words', () => {
    expect(cellText('2027-05-08', 'date')).toBe('08.05.2027');
    expect(cellText(new Date('2027-05-08T06:30:00Z'), 'datetime')).toBe('08.05.2027 08:30');
    // a booking's status is a word in the reader's language, never the code
    expect([cellText('confirmed', 'status'), cellText('waitlisted', 'status', 'en')]).toEqual(['bestätigt', 'waiting list']);
    expect(cellText(new Date('2027-01-08T06:30:00Z'), 'time')).toBe('07:30');
    expect(cellText(-5, 'number')).toBe('-5'); // a number is no formula
    expect(cellText(true)).toBe('ja');
    expect(cellText(false, 'text', 'en')).toBe('no');
    expect(cellText(null)).toBe('');
  });
});
