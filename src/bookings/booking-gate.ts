import { DomainError, NotFoundError } from '../common/errors/domain-error';
import { Actor } from '../common/identity/actor';
import { Program } from '../events/event-status';
import { visibleEventCondition } from '../events/event-visibility';
import { requireProgram } from '../events/program-guard';

/**
 * A row the booking refers to, which must exist and belong to the event or the booking
 * organisation (a time slot of this event, a class of this school); else 400 naming the field.
 */
export interface Reference {
  field: string;
  table: 'time_slots' | 'school_classes' | 'pupils';
  id: string;
  belongsTo: { column: 'event_id' | 'school_id'; id: string };
  message: string;
}

/** Who books: a company, a school, or (for a session in its grid) the day's host school. */
export type BookingOrganisation = { company: string } | { school: string } | 'host school';

/** What decides whether a booking may go into an event, read in the same round trip as the event's lock. */
export interface Gate {
  program: Program;
  status: string;
  opensAt: Date;
  closesAt: Date;
  databaseNow: Date;
  organisationStatus: string | null;
  /** Per reference, in order: whether it is the event's or the organisation's own. */
  references: boolean[];
}

/**
 * The event a booking goes into and everything that must hold before it is placed, as one
 * SELECT for a statement written by hand (`bind` gives a value's placeholder): the event if
 * the actor sees it, locked for share (an event being cancelled waits for the booking, or the
 * booking waits and then sees it cancelled), with the database's clock, the booking
 * organisation's approval and whether each reference is its own. Columns are named
 * `gate_…`, so the statement can return them beside a booking's own columns; `withEvent`
 * adds the event's own columns.
 */
export function gateQuery(
  actor: Actor,
  eventId: string,
  organisation: BookingOrganisation,
  references: Reference[],
  bind: (value: unknown) => string,
  withEvent = false,
): string {
  const approval =
    organisation === 'host school' ? `(SELECT status FROM schools WHERE id = e.host_school_id)`
    : 'company' in organisation ? `(SELECT status FROM companies WHERE id = ${bind(organisation.company)}::uuid)`
    : `(SELECT status FROM schools WHERE id = ${bind(organisation.school)}::uuid)`;
  const owned = references.map(
    (reference, i) =>
      `EXISTS (SELECT 1 FROM ${reference.table} WHERE id = ${bind(reference.id)}::uuid AND ${reference.belongsTo.column} = ${bind(reference.belongsTo.id)}::uuid) AS gate_reference_${i}`,
  );
  const visible = visibleEventCondition(actor, 'e', bind);
  return `SELECT ${withEvent ? 'e.*, ' : ''}e.program AS gate_program, e.status AS gate_status, e.registration_opens_at AS gate_opens_at,
                 e.registration_closes_at AS gate_closes_at, e.requires_approval AS gate_requires_approval,
                 now() AS gate_database_now, ${approval} AS gate_organisation_status${owned.map((o) => `, ${o}`).join('')}
            FROM events e WHERE e.id = ${bind(eventId)}::uuid${visible ? ` AND ${visible}` : ''} FOR SHARE OF e`;
}

/**
 * The same decision as SQL over the row of `gateQuery` (alias `gate`), for the statement to
 * place the booking only when it holds; `refuseUnlessOpen` then names what did not.
 */
export function gateOpenCondition(program: Program, references: number, bind: (value: unknown) => string): string {
  return [
    `gate.gate_program = ${bind(program)}`,
    `gate.gate_status = 'published'`,
    `gate.gate_database_now >= gate.gate_opens_at`,
    `gate.gate_database_now < gate.gate_closes_at`,
    `gate.gate_organisation_status = 'approved'`,
    ...Array.from({ length: references }, (_, i) => `gate.gate_reference_${i}`),
  ].join(' AND ');
}

/** The row of `gateQuery` as a Gate. */
export const gateOf = (row: Record<string, unknown>, references: number): Gate => ({
  program: row.gate_program as Program,
  status: row.gate_status as string,
  opensAt: row.gate_opens_at as Date,
  closesAt: row.gate_closes_at as Date,
  databaseNow: row.gate_database_now as Date,
  organisationStatus: row.gate_organisation_status as string | null,
  references: Array.from({ length: references }, (_, i) => row[`gate_reference_${i}`] === true),
});

/**
 * Refuses a booking the event does not take, in this order: of another program, not
 * published, registration not open yet or closed (by the database's clock), organisation not
 * approved (only approved organisations book; a pending one may keep its profile
 * meanwhile), a reference not its own (400 naming the field).
 */
export function refuseUnlessOpen(gate: Gate | undefined, program: Program, references: Reference[]): void {
  if (!gate) throw new NotFoundError('event');
  requireProgram(gate, program);
  if (gate.status !== 'published') throw new DomainError('event_not_open');
  if (gate.databaseNow < gate.opensAt) throw new DomainError('registration_not_open_yet', { at: gate.opensAt.toISOString() });
  if (gate.databaseNow >= gate.closesAt) throw new DomainError('registration_closed', { at: gate.closesAt.toISOString() });
  if (gate.organisationStatus !== 'approved') throw new DomainError('organisation_not_approved');
  const unknown = references.filter((_, i) => !gate.references[i]);
  if (unknown.length > 0) {
    throw new DomainError('validation_failed', {}, unknown.map(({ field, message }) => ({ field, code: 'reference', message })));
  }
}
