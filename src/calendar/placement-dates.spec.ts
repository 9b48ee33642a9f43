import { DateRange, placementDates, PlacementSchedule, publicHolidaysOfThuringia, weeklyOccurrences } from './placement-dates';

const osterferien2027: DateRange = { firstDay: '2027-03-22', lastDay: '2027-04-03', name: 'Osterferien' };
const noExclusions = { schoolHolidays: [], cancelled: [] };

describe('publicHolidaysOfThuringia', () => {
  const holidays = publicHolidaysOfThuringia(2026, 2027);

  it('has the Thuringian holidays on fixed dates, with German names', () => {
    expect(holidays.get('2026-09-20')).toBe('Weltkindertag');
    expect(holidays.get('2026-10-31')).toBe('Reformationstag');
    expect(holidays.get('2027-09-20')).toBe('Weltkindertag');
    expect(holidays.get('2027-10-31')).toBe('Reformationstag');
    expect(holidays.get('2026-10-03')).toBe('Tag der Deutschen Einheit');
  });

  it('has the Easter-dependent holidays of 2027', () => {
    expect(holidays.get('2027-03-26')).toBe('Karfreitag');
    expect(holidays.get('2027-03-29')).toBe('Ostermontag');
    expect(holidays.get('2027-05-06')).toBe('Christi Himmelfahrt');
    expect(holidays.get('2027-05-17')).toBe('Pfingstmontag');
  });

  it('leaves out Fronleichnam and other days that are not statewide public holidays', () => {
    // date-holidays lists Fronleichnam (2027-05-27) for plain 'DE','TH' with type 'observance';
    // it is 'public' only in the regions EIC, UH and WAK (Catholic parts of Eichsfeld,
    // Unstrut-Hainich-Kreis and Wartburgkreis), which a statewide calendar must not apply.
    expect(holidays.has('2027-05-27')).toBe(false);
    expect(holidays.has('2027-03-25')).toBe(false); // Gründonnerstag, observance
    expect(holidays.has('2027-03-28')).toBe(false); // Ostersonntag, not a separate public holiday in TH
    expect(holidays.has('2026-11-18')).toBe(false); // Buß- und Bettag is public only in Saxony
  });

  it('knows Weltkindertag only from 2019, when Thuringia made it a holiday', () => {
    expect(publicHolidaysOfThuringia(2018, 2018).has('2018-09-20')).toBe(false);
    expect(publicHolidaysOfThuringia(2019, 2019).get('2019-09-20')).toBe('Weltkindertag');
  });

  it('covers every year of the range and nothing outside it', () => {
    const years = new Set([...holidays.keys()].map((date) => date.slice(0, 4)));
    expect([...years].sort()).toEqual(['2026', '2027']);
    expect(publicHolidaysOfThuringia(2027, 2027).size).toBe(11);
  });

  it('rejects a reversed or non-integer year range', () => {
    expect(() => publicHolidaysOfThuringia(2028, 2027)).toThrow(RangeError);
    expect(() => publicHolidaysOfThuringia(2027.5, 2028)).toThrow(RangeError);
  });
});

describe('weeklyOccurrences', () => {
  it('starts at the next matching weekday when the range begins mid-week', () => {
    // 2027-03-03 is a Wednesday.
    expect(weeklyOccurrences(1, '2027-03-03', '2027-03-31')).toEqual(['2027-03-08', '2027-03-15', '2027-03-22', '2027-03-29']);
  });

  it('includes the first and last date when they are themselves the weekday', () => {
    // 2027-03-05 and 2027-03-26 are Fridays.
    expect(weeklyOccurrences(5, '2027-03-05', '2027-03-26')).toEqual(['2027-03-05', '2027-03-12', '2027-03-19', '2027-03-26']);
  });

  it('crosses the turn of the year and a leap day', () => {
    expect(weeklyOccurrences(4, '2026-12-30', '2027-01-14')).toEqual(['2026-12-31', '2027-01-07', '2027-01-14']);
    expect(weeklyOccurrences(2, '2028-02-22', '2028-03-07')).toEqual(['2028-02-22', '2028-02-29', '2028-03-07']);
  });

  it('is empty when the weekday does not occur in the range', () => {
    expect(weeklyOccurrences(1, '2027-03-02', '2027-03-07')).toEqual([]);
  });

  it('gives a one-day range on the weekday as that day', () => {
    expect(weeklyOccurrences(7, '2027-03-28', '2027-03-28')).toEqual(['2027-03-28']);
  });

  it.each([0, 8, 1.5, NaN])('rejects weekday %p', (weekday) => {
    expect(() => weeklyOccurrences(weekday, '2027-03-01', '2027-03-31')).toThrow(/weekday must be an ISO weekday/);
  });

  it.each(['2027-02-30', '2027-3-01', '01.03.2027', '2027-03-01T00:00', ''])('rejects malformed date %p', (date) => {
    expect(() => weeklyOccurrences(1, date, '2027-12-31')).toThrow(RangeError);
    expect(() => weeklyOccurrences(1, '2027-01-01', date)).toThrow(/must be a calendar date 'YYYY-MM-DD'/);
  });

  it('rejects a first date after the last date', () => {
    expect(() => weeklyOccurrences(1, '2027-04-01', '2027-03-01')).toThrow('firstDate 2027-04-01 is after lastDate 2027-03-01');
  });
});

describe('placementDates', () => {
  const mondays: PlacementSchedule = {
    weekday: 1,
    firstDate: '2027-03-01',
    lastDate: '2027-04-30',
    dailyStart: '07:30',
    dailyEnd: '14:00',
  };

  it('skips Ostermontag, the Osterferien and a cancelled Monday, each with its reason', () => {
    const { days, skipped } = placementDates(mondays, {
      schoolHolidays: [osterferien2027],
      cancelled: [{ date: '2027-04-12', reason: 'Betriebsversammlung' }],
    });

    expect(days.map((day) => day.date)).toEqual([
      '2027-03-01',
      '2027-03-08',
      '2027-03-15',
      '2027-04-05',
      '2027-04-19',
      '2027-04-26',
    ]);
    // 2027-03-29 lies inside the Osterferien too: the public holiday wins.
    expect(skipped).toEqual([
      { date: '2027-03-22', reason: 'school_holidays', name: 'Osterferien' },
      { date: '2027-03-29', reason: 'public_holiday', name: 'Ostermontag' },
      { date: '2027-04-12', reason: 'cancelled', name: 'Betriebsversammlung' },
    ]);
  });

  it('reports school holidays before a cancellation on the same day', () => {
    const { skipped } = placementDates(mondays, {
      schoolHolidays: [osterferien2027],
      cancelled: [
        { date: '2027-03-22', reason: 'Krankheit' },
        { date: '2027-03-29', reason: 'Krankheit' },
      ],
    });
    expect(skipped).toEqual([
      { date: '2027-03-22', reason: 'school_holidays', name: 'Osterferien' },
      { date: '2027-03-29', reason: 'public_holiday', name: 'Ostermontag' },
    ]);
  });

  it('ignores cancellations that are not placement days', () => {
    const cancelled = [{ date: '2027-03-02', reason: 'Dienstag' }];
    const { days, skipped } = placementDates(mondays, { schoolHolidays: [], cancelled });
    expect(skipped).toEqual([{ date: '2027-03-29', reason: 'public_holiday', name: 'Ostermontag' }]);
    expect(days).toHaveLength(8);
  });

  it('counts a school-holiday range inclusively at both ends, also across the new year', () => {
    const weihnachtsferien: DateRange = { firstDay: '2026-12-23', lastDay: '2027-01-02', name: 'Weihnachtsferien' };
    const wednesdays = { weekday: 3, firstDate: '2026-12-16', lastDate: '2027-01-13', dailyStart: '08:00', dailyEnd: '12:00' };
    const { days, skipped } = placementDates(wednesdays, { schoolHolidays: [weihnachtsferien], cancelled: [] });
    expect(days.map((day) => day.date)).toEqual(['2026-12-16', '2027-01-06', '2027-01-13']);
    expect(skipped).toEqual([
      { date: '2026-12-23', reason: 'school_holidays', name: 'Weihnachtsferien' },
      { date: '2026-12-30', reason: 'school_holidays', name: 'Weihnachtsferien' },
    ]);
  });

  it('gives 06:30Z in winter time and 05:30Z in summer time for 07:30 in Berlin (March 2027)', () => {
    const fridays = { weekday: 5, firstDate: '2027-03-12', lastDate: '2027-04-09', dailyStart: '07:30', dailyEnd: '14:00' };
    const { days, skipped } = placementDates(fridays, noExclusions);

    // Clocks go forward on Sunday 2027-03-28; Friday 2027-03-26 is Karfreitag.
    expect(skipped).toEqual([{ date: '2027-03-26', reason: 'public_holiday', name: 'Karfreitag' }]);
    expect(days.map(({ date, startsAt, endsAt }) => [date, startsAt.toISOString(), endsAt.toISOString()])).toEqual([
      ['2027-03-12', '2027-03-12T06:30:00.000Z', '2027-03-12T13:00:00.000Z'],
      ['2027-03-19', '2027-03-19T06:30:00.000Z', '2027-03-19T13:00:00.000Z'],
      ['2027-04-02', '2027-04-02T05:30:00.000Z', '2027-04-02T12:00:00.000Z'],
      ['2027-04-09', '2027-04-09T05:30:00.000Z', '2027-04-09T12:00:00.000Z'],
    ]);
  });

  it('gives 05:30Z in summer time and 06:30Z in winter time for 07:30 in Berlin (October 2026)', () => {
    const fridays = { weekday: 5, firstDate: '2026-10-16', lastDate: '2026-11-06', dailyStart: '07:30', dailyEnd: '14:00' };
    const { days, skipped } = placementDates(fridays, noExclusions);

    // Clocks go back on Sunday 2026-10-25.
    expect(skipped).toEqual([]);
    expect(days.map(({ date, startsAt, endsAt }) => [date, startsAt.toISOString(), endsAt.toISOString()])).toEqual([
      ['2026-10-16', '2026-10-16T05:30:00.000Z', '2026-10-16T12:00:00.000Z'],
      ['2026-10-23', '2026-10-23T05:30:00.000Z', '2026-10-23T12:00:00.000Z'],
      ['2026-10-30', '2026-10-30T06:30:00.000Z', '2026-10-30T13:00:00.000Z'],
      ['2026-11-06', '2026-11-06T06:30:00.000Z', '2026-11-06T13:00:00.000Z'],
    ]);
  });

  it('works out the times on the change-over Sunday itself', () => {
    const sundays = { weekday: 7, firstDate: '2027-03-28', lastDate: '2027-03-28', dailyStart: '01:30', dailyEnd: '03:30' };
    const [day] = placementDates(sundays, noExclusions).days;
    // 01:30 is still CET, 03:30 already CEST: one real hour apart.
    expect(day.startsAt.toISOString()).toBe('2027-03-28T00:30:00.000Z');
    expect(day.endsAt.toISOString()).toBe('2027-03-28T01:30:00.000Z');
  });

  it('returns plain Date instants', () => {
    const [day] = placementDates(mondays, noExclusions).days;
    expect(Object.getPrototypeOf(day.startsAt)).toBe(Date.prototype);
    expect(Object.getPrototypeOf(day.endsAt)).toBe(Date.prototype);
  });

  it.each([
    [{ dailyStart: '7:30' }, /dailyStart must be a time 'HH:MM'/],
    [{ dailyStart: '24:00' }, /dailyStart must be a time 'HH:MM'/],
    [{ dailyEnd: '14:60' }, /dailyEnd must be a time 'HH:MM'/],
    [{ dailyEnd: '07:30' }, 'dailyEnd 07:30 must be after dailyStart 07:30'],
    [{ dailyEnd: '06:00' }, 'dailyEnd 06:00 must be after dailyStart 07:30'],
    [{ weekday: 0 }, /weekday must be an ISO weekday/],
    [{ firstDate: '2027-02-29' }, /firstDate must be a calendar date/],
    [{ lastDate: '2027-02-01' }, 'firstDate 2027-03-01 is after lastDate 2027-02-01'],
  ])('rejects the schedule change %p', (change, message) => {
    expect(() => placementDates({ ...mondays, ...change }, noExclusions)).toThrow(RangeError);
    expect(() => placementDates({ ...mondays, ...change }, noExclusions)).toThrow(message);
  });

  it('rejects malformed exclusions', () => {
    const reversed = { firstDay: '2027-04-03', lastDay: '2027-03-22', name: 'Osterferien' };
    expect(() => placementDates(mondays, { schoolHolidays: [reversed], cancelled: [] })).toThrow(
      'schoolHolidays[0] (Osterferien) ends 2027-03-22, before it starts 2027-04-03',
    );
    const impossible = { ...osterferien2027, lastDay: '2027-04-31' };
    expect(() => placementDates(mondays, { schoolHolidays: [impossible], cancelled: [] })).toThrow(
      /schoolHolidays\[0\]\.lastDay must be a calendar date/,
    );
    expect(() => placementDates(mondays, { schoolHolidays: [], cancelled: [{ date: '12.04.2027', reason: 'x' }] })).toThrow(
      /cancelled\[0\]\.date must be a calendar date/,
    );
  });
});
