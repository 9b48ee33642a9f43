import { DateShift } from './date-shift';

describe('DateShift', () => {
  it('counts whole days between two dates, across a leap day', () => {
    expect(DateShift.between('2027-05-08', '2028-05-06').days).toBe(364);
    expect(DateShift.between('2028-02-28', '2028-03-01').days).toBe(2);
  });

  it('keeps the German wall-clock time across the summer-time change', () => {
    const shift = DateShift.between('2027-03-20', '2027-04-03');
    // 08:30 in Berlin in winter (UTC+1) becomes 08:30 in summer (UTC+2)
    expect(shift.instant(new Date('2027-03-20T07:30:00Z')).toISOString()).toBe('2027-04-03T06:30:00.000Z');
  });

  it('moves the years in a title with the dates, school years too', () => {
    const shift = DateShift.between('2027-05-08', '2028-05-06');
    expect(shift.title('Handwerkertag 2027')).toBe('Handwerkertag 2028');
    expect(shift.title('Praxistage 2026/27')).toBe('Praxistage 2027/28');
    expect(new DateShift(14).title('Handwerkertag 2027')).toBe('Handwerkertag 2027');
  });
});
