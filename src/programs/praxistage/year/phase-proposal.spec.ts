import { proposePhases } from './phase-proposal';

// Thuringia as published by the ministry: Winterferien 2027 01.–06.02., Osterferien 22.03.–03.04.,
// Sommerferien 10.07.–20.08., Herbstferien 09.10.–23.10.2027, Winterferien 2028 07.–12.02.
const holidays = [
  { name: 'Winterferien', firstDay: '2027-02-01', lastDay: '2027-02-06' },
  { name: 'Osterferien', firstDay: '2027-03-22', lastDay: '2027-04-03' },
  { name: 'Sommerferien', firstDay: '2027-07-10', lastDay: '2027-08-20' },
  { name: 'Herbstferien', firstDay: '2027-10-09', lastDay: '2027-10-23' },
  { name: 'Winterferien', firstDay: '2028-02-07', lastDay: '2028-02-12' },
];

describe('proposePhases', () => {
  it('lays the four phases between the holidays, on school days', () => {
    const result = proposePhases(2027, holidays);
    if (!('phases' in result)) throw new Error('no proposal');
    expect(result.phases.map((p) => [p.number, p.firstDay, p.lastDay])).toEqual([
      [1, '2027-02-08', '2027-03-19'],
      [2, '2027-04-05', '2027-07-09'],
      [3, '2027-08-23', '2027-10-08'],
      [4, '2027-10-25', '2028-02-04'],
    ]);
    // applications open eight weeks before and close two weeks after the start, Berlin midnight
    expect(result.phases[0].applicationsOpenAt.toISOString()).toBe('2026-12-13T23:00:00.000Z');
    expect(result.phases[0].applicationsCloseAt.toISOString()).toBe('2027-02-21T23:00:00.000Z');
  });

  it('names the holidays it is missing', () => {
    expect(proposePhases(2027, holidays.slice(0, 3))).toEqual({ missing: ['Herbstferien 2027', 'Winterferien 2028'] });
  });
});
