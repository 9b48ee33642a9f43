import '../../../error-catalogue';
import { describeRefusal } from '../../../common/errors/problem-details';
import type { LoadedDay } from './day-plan-input.loader';
import { DayPlanInput, FixedSession, PlanCompany } from './day-plan.input';
import { clashesOf, conflictOf, staleRefusal } from './day-plan-rules';

const company = (id: string, name: string, more: Partial<PlanCompany> = {}): PlanCompany => ({
  id, name, branch: '', apprenticeships: [], teams: 1, periodIds: null, roomKind: null, ...more,
});
/** A day as the loader gives it, with the names it knows: also of a company no longer registered. */
const dayOf = (input: DayPlanInput, formerCompanies: Array<[string, string]> = []): LoadedDay => ({
  input,
  stamp: 'now',
  names: {
    classes: new Map(input.classes.map((c) => [c.id, c.name])),
    companies: new Map([...formerCompanies, ...input.companies.map((c): [string, string] => [c.id, c.name])]),
    rooms: new Map(input.rooms.map((r) => [r.id, r.name])),
    periods: new Map(input.periods.map((p) => [p.id, p.number])),
  },
  teamsInUse: new Map(),
});
const booked = (eventClassId: string, periodId: string, companyId: string, roomId: string | null = null): FixedSession => ({ eventClassId, periodId, companyId, roomId, source: 'booked' });
const cell = (eventClassId: string, periodId: string, companyId: string, roomId: string | null = null) => ({ eventClassId, periodId, companyId, roomId });

const day = dayOf(
  {
    periods: [{ id: 'p1', number: 1 }, { id: 'p2', number: 2 }],
    classes: [{ id: 'c8a', name: '8a', sessions: 2, wishes: [] }, { id: 'c8b', name: '8b', sessions: 1, wishes: [] }],
    companies: [company('E', 'Elektro Kyffhäuser', { teams: 2 }), company('P', 'Pflegedienst Sonnenschein'), company('T', 'Tischlerei Span', { roomKind: 'workshop', periodIds: ['p2'] })],
    rooms: [{ id: 'r101', name: 'Raum 101', kind: 'classroom' }, { id: 'werk', name: 'Werkraum', kind: 'workshop' }],
    // booked since the proposal: the care service in 8a, 1st period, Raum 101
    fixed: [booked('c8a', 'p1', 'P', 'r101')],
  },
  [['B', 'Bäckerei Nordhausen']],
);

describe('the rules of the day for a cell', () => {
  it('names the rule a cell breaks beside the sessions booked, with what it collides with', () => {
    expect(conflictOf(day, day.input.fixed, cell('c8a', 'p1', 'E'))).toEqual({ rule: 'class_period_taken', params: { class: '8a', period: 1, company: 'Pflegedienst Sonnenschein' } });
    expect(conflictOf(day, day.input.fixed, cell('c8b', 'p1', 'P'))).toEqual({ rule: 'company_busy', params: { company: 'Pflegedienst Sonnenschein', period: 1, teams: 1, classes: '8a' } });
    expect(conflictOf(day, day.input.fixed, cell('c8b', 'p1', 'T', 'werk'))?.rule).toBe('company_absent');
    expect(conflictOf(day, day.input.fixed, cell('c8b', 'p2', 'T', 'r101'))?.rule).toBe('room_unsuited');
    expect(conflictOf(day, day.input.fixed, cell('c8b', 'p1', 'E', 'r101'))?.rule).toBe('room_busy');
    expect(conflictOf(day, day.input.fixed, cell('c8a', 'p2', 'P'))?.rule).toBe('meets_twice');
    expect(conflictOf(day, [...day.input.fixed, cell('c8b', 'p1', 'E')], cell('c8b', 'p2', 'T', 'werk'))?.rule).toBe('class_full');
    expect(conflictOf(day, day.input.fixed, cell('c8b', 'p2', 'T', 'werk'))).toBeNull();
  });

  it('names a cell whose company, class, period or room is no longer part of the day', () => {
    expect(conflictOf(day, [], cell('c8b', 'p2', 'B'))).toEqual({ rule: 'company_not_registered', params: { company: 'Bäckerei Nordhausen' } });
    expect(conflictOf(day, [], cell('c9z', 'p2', 'E'))?.rule).toBe('class_gone');
    expect(conflictOf(day, [], cell('c8b', 'p9', 'E'))?.rule).toBe('period_gone');
    expect(conflictOf(day, [], cell('c8b', 'p2', 'E', 'aula'))?.rule).toBe('room_gone');
  });
});

describe('a stale proposal', () => {
  // the proposal as solved before the booking: Elektro in 8a and 8b in the 1st period (two teams),
  // the joinery in 8a in the 2nd, the bakery (registered then) in 8b in the 2nd
  const proposal = [cell('c8a', 'p1', 'E', 'r101'), cell('c8b', 'p1', 'E', 'werk'), cell('c8a', 'p2', 'T', 'werk'), cell('c8b', 'p2', 'B', 'r101')];

  it('names each cell that can no longer be booked, checking each beside the cells before it that still fit', () => {
    const clashes = clashesOf(day, proposal);
    expect(clashes.map((c) => [c.cell.eventClassId, c.cell.periodId, c.broken.rule])).toEqual([
      ['c8a', 'p1', 'class_period_taken'],
      ['c8b', 'p2', 'company_not_registered'],
    ]);
  });

  it('is refused with each cell named in German and English, and the cells for clients to read', () => {
    const refusal = staleRefusal(day, clashesOf(day, proposal));
    const de = describeRefusal(refusal, 'de');
    expect(de.detail).toBe(
      'Seit diesem Vorschlag hat sich der Tag geändert; diese Zellen lassen sich nicht mehr buchen: ' +
        'Klasse 8a, 1. Stunde, Elektro Kyffhäuser: Klasse 8a hat in der 1. Stunde schon Pflegedienst Sonnenschein. ' +
        'Klasse 8b, 2. Stunde, Bäckerei Nordhausen: Bäckerei Nordhausen ist für den Tag nicht (bestätigt) angemeldet. ' +
        'Es wurde nichts gebucht. Bitte lassen Sie einen neuen Vorschlag machen – Ihre festgelegten Zellen bleiben.',
    );
    expect(de.conflicts[0]).toEqual({
      rule: 'class_period_taken', eventClassId: 'c8a', className: '8a', periodId: 'p1', period: 1, companyId: 'E', companyName: 'Elektro Kyffhäuser', roomId: 'r101', roomName: 'Raum 101',
      detail: 'Klasse 8a, 1. Stunde, Elektro Kyffhäuser: Klasse 8a hat in der 1. Stunde schon Pflegedienst Sonnenschein.',
    });
    expect(describeRefusal(refusal, 'en').conflicts[1].detail).toBe('Class 8b, period 2, Bäckerei Nordhausen: Bäckerei Nordhausen is not registered (confirmed) for the day.');
  });

  it('leaves out of a cell what is gone, and says so', () => {
    const refusal = staleRefusal(day, clashesOf(day, [cell('c9z', 'p2', 'E')]));
    expect(describeRefusal(refusal, 'de').detail).toContain('diese Zelle lässt sich nicht mehr buchen: 2. Stunde, Elektro Kyffhäuser: Die Klasse gehört nicht mehr zum Tag. Es wurde');
  });

  it('says that the day changed when none of its cells clashes', () => {
    const refusal = staleRefusal(day, clashesOf(day, [cell('c8b', 'p2', 'T', 'werk')]));
    expect(refusal.conflicts).toEqual([]);
    expect(describeRefusal(refusal, 'en').detail).toMatch(/^The day has changed since this proposal \(wishes, registrations, rooms or bookings\)\. None of its cells/);
  });
});
