import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DomainError, invalidField, NotFoundError } from '../common/errors/domain-error';
import { isStillReferenced, isUniqueViolation, pgConstraint } from '../database/pg-errors';
import { entityFromRow, insertColumns } from '../database/entity-rows';
import { queryRows } from '../database/query-rows';
import { Actor } from '../common/identity/actor';
import { Event } from '../events/event.entity';
import { Program } from '../events/event-status';
import { BookableKind } from './bookable.entity';
import { Booking } from './booking.entity';
import { BookingKinds } from './booking-kinds';
import { BOOKING_TRANSITIONS, BookingChangeKind, BookingKind, BookingStatus, HOLDS_CAPACITY, LIVE } from './booking-status';
import type { ErrorCode } from '../common/errors/error-catalog';
import { placeholders } from '../database/placeholders';
import { BookingOrganisation, gateOf, gateOpenCondition, gateQuery, Reference, refuseUnlessOpen } from './booking-gate';

export type { BookingOrganisation, Reference } from './booking-gate';

/** A new booking as a program describes it; the engine decides its state. */
export type NewBooking = Partial<Booking> & {
  kind: BookingKind;
  quantity: number;
  bookableId: string | null;
};

export interface ChangeContext {
  actorId: string | null;
  reason?: string | null;
  details?: Record<string, unknown>;
}

// Which "only once" rule a unique violation broke, in the words of the person booking.
export const UNIQUE_RULES: Record<string, ErrorCode> = {
  bookings_stand_once: 'stand_already_applied',
  bookings_stand_number_key: 'stand_number_taken',
  bookings_class_visit_once: 'class_already_visits',
  bookings_day_registration_once: 'already_registered_for_day',
  bookings_session_class_period: 'class_period_taken',
  bookings_session_team_period: 'team_busy',
  bookings_session_room_period: 'room_busy',
  bookings_placement_pupil_weekday: 'pupil_already_placed',
  bookings_placement_pupil_phase: 'pupil_already_placed_in_phase',
  bookings_placement_company_again: 'same_company_again',
  bookings_placement_field_again: 'same_field_again',
};

/**
 * How a booking that does not fit is treated: by default it waits on the waiting list; an
 * offer of a place (Praxistage year) is refused instead (`no_place_free`). `awaiting` leaves
 * a booking that fits pending: it holds its place until someone accepts it.
 */
export interface PlaceTerms {
  waitingList?: boolean;
  awaiting?: boolean;
}


/**
 * The booking engine all three programs share. Every method runs inside the caller's
 * transaction (given as `manager`), so a booking, its capacity, its history and the
 * promotion it causes commit or roll back together; only `book`, a single statement, may
 * also run on its own. Capacity is taken with one
 * conditional UPDATE of the counter, which holds the row lock only until commit and lets
 * the database's CHECK refuse any overbooking. Nothing slow happens while that lock is
 * held: each change leaves one history row, and the mails are composed from those rows
 * after the commit (notifications/booking-change-mails.ts).
 */
@Injectable()
export class BookingEngine {
  constructor(private readonly kinds: BookingKinds) {}

  /**
   * The event a booking goes into, with everything that must hold before it is placed,
   * checked in one round trip (the rules: booking-gate.ts): the event is visible to the actor (else 404 as if missing), of
   * the program, published and open for registration (by the database's clock), and the
   * booking organisation is approved (only approved organisations book; a pending one may
   * keep its profile meanwhile), and the rows the booking refers to are its own. The event row is locked for share: an event being cancelled
   * waits for this booking, or this booking waits and then sees it cancelled. Every path
   * takes the event lock before any capacity lock, so the two never wait on each other in
   * opposite order.
   */
  async openForBooking(
    manager: EntityManager,
    actor: Actor,
    eventId: string,
    program: Program,
    organisation: BookingOrganisation,
    references: Reference[] = [],
  ): Promise<Event> {
    const { bind, values } = placeholders();
    const [row] = await manager.query(gateQuery(actor, eventId, organisation, references, bind, true), values);
    refuseUnlessOpen(row && gateOf(row, references.length), program, references);
    return entityFromRow(manager, Event, row);
  }

  /** Only approved organisations create offers and book; a pending one may keep its profile meanwhile. */
  async assertApproved(manager: EntityManager, kind: 'company' | 'school', organisationId: string): Promise<void> {
    const table = kind === 'company' ? 'companies' : 'schools';
    const [row] = await manager.query(`SELECT status FROM ${table} WHERE id = $1`, [organisationId]);
    if (row?.status !== 'approved') throw new DomainError('organisation_not_approved');
  }

  /**
   * Creates the booking: confirmed or pending if it fits, else on the waiting list. With a
   * capacity, all of it is one statement: lock the counter, take the places if they fit,
   * write the booking and its history. The counter row stays locked for that one round
   * trip and the commit, so the other bookings of a slot queue no longer than that. Locking
   * first (not a conditional UPDATE, which locks nothing when it fails) means a booking that
   * does not fit sees every cancellation committed before it, or is seen by it when it
   * promotes from the waiting list.
   *
   * Why every column of the counter is set from `pool`, the locked row: all parts of one
   * WITH statement share the snapshot taken when the statement began. When `pool` had to
   * wait for the lock (a cancellation or a capacity change held it), it returns the row as
   * that transaction left it, but the UPDATE in `held` first computes its new row from the
   * older snapshot and PostgreSQL checks the CHECK constraint on that row before it notices
   * the newer version. With `b.booked + q` a booking behind a cancellation on a full slot
   * broke the CHECK (a 500 for a booking that fits); with a stale `capacity`, one behind a
   * capacity raise did. `pool`'s values cannot change until this transaction ends, so the
   * row is the same whichever version the UPDATE started from, and its WHERE names only the
   * key and `pool`. The booking is confirmed only if `held` wrote the counter.
   */
  async place(manager: EntityManager, event: Event, booking: NewBooking, context: ChangeContext, terms: PlaceTerms = {}): Promise<Booking> {
    const approved: BookingStatus = terms.awaiting || this.needsApproval(event, booking.kind) ? 'pending' : 'confirmed';
    if (!booking.bookableId) {
      const id = await this.insert(manager, { ...booking, eventId: event.id, status: approved, createdBy: context.actorId });
      await this.record(manager, id, 'created', null, approved, context);
      return manager.findOneByOrFail(Booking, { id });
    }
    const { bind, values } = placeholders();
    const rows = await this.placeInPool(manager, { ...booking, eventId: event.id }, context, terms, bind, { approvedStatus: bind(approved) }, values);
    if (!rows[0]) throw new NotFoundError();
    return this.placed(manager, rows[0], booking.quantity);
  }

  /**
   * The statement of `place` (see there), with the parts `book` adds: a WITH part before the
   * pool, a condition the pool must meet, the status of a booking that fits as SQL, and what
   * the answer's row is read from with its columns (by default the pool: no row when it does not exist).
   */
  private async placeInPool(
    manager: EntityManager,
    booking: NewBooking & { eventId: string },
    context: ChangeContext,
    terms: PlaceTerms,
    bind: (value: unknown) => string,
    parts: { with?: string; poolOnlyIf?: string; approvedStatus: string; answer?: { columns: string; from: string } },
    values: unknown[],
  ): Promise<Array<Record<string, unknown>>> {
    const { bookableId, quantity, ...fields } = booking;
    const columns = insertColumns(manager, Booking, { ...fields, quantity, bookableId, createdBy: context.actorId });
    const inserted = columns.parameters.map((value, i) => `${bind(value)}::${columns.types[i]}`).join(', ');
    const [q, pool, waitingList] = [bind(quantity), bind(bookableId), bind(terms.waitingList ?? true)];
    try {
      return await manager.query(
        `WITH ${parts.with ?? ''}
         pool AS (
           SELECT id, capacity, booked, booked + ${q}::int <= capacity AS fits FROM bookables WHERE id = ${pool}::uuid ${parts.poolOnlyIf ?? ''} FOR UPDATE OF bookables),
         held AS (
           UPDATE bookables b SET booked = pool.booked + ${q}::int, capacity = pool.capacity FROM pool WHERE b.id = pool.id AND pool.fits RETURNING b.id),
         created AS (
           INSERT INTO bookings (${columns.names.join(', ')}, status, waitlisted_at)
           SELECT ${inserted}, CASE WHEN held.id IS NOT NULL THEN ${parts.approvedStatus} ELSE 'waitlisted' END,
                  CASE WHEN held.id IS NOT NULL THEN NULL ELSE now() END
             FROM pool LEFT JOIN held ON true WHERE ${q}::int <= pool.capacity AND (${waitingList}::boolean OR held.id IS NOT NULL)
           RETURNING *),
         history AS (
           INSERT INTO booking_changes (booking_id, change, to_status, actor_id, reason, details, booking_version)
           SELECT id, 'created', status, created_by, ${bind(context.reason ?? null)}, ${bind(JSON.stringify(context.details ?? {}))}, version FROM created)
         SELECT ${parts.answer?.columns ?? ''} pool.capacity AS pool_capacity, created.*
           FROM ${parts.answer?.from ?? 'pool'} LEFT JOIN created ON true`,
        values,
      );
    } catch (error) {
      throw this.ruleBroken(error);
    }
  }

  /** The booking `placeInPool` wrote, or why none: no place free for an offer, or more places than the pool has. */
  private placed(manager: EntityManager, row: Record<string, unknown>, quantity: number): Booking {
    if (row.pool_capacity === null || row.pool_capacity === undefined) throw new NotFoundError();
    if (!row.id && quantity <= Number(row.pool_capacity)) throw new DomainError('no_place_free');
    if (!row.id) throw new DomainError('exceeds_capacity', { capacity: Number(row.pool_capacity) });
    return entityFromRow(manager, Booking, row);
  }

  /**
   * `openForBooking` and `place` in one statement, for a booking into a capacity (a class
   * visit into its time slot, the busiest path of all): one round trip fewer while the
   * booking's transaction is open. The event's share lock is taken first (the counter's
   * lock waits behind the gate), the places only if the gate holds; when it does not,
   * nothing is written and `refuseUnlessOpen` names why, as `openForBooking` would. Being one
   * statement, it is atomic without a transaction of its own: a caller that does nothing
   * else may run it on its own (IdempotencyService, `oneStatement`).
   */
  async book(
    manager: EntityManager,
    actor: Actor,
    opening: { eventId: string; program: Program; organisation: BookingOrganisation; references: Reference[] },
    booking: NewBooking & { bookableId: string },
    context: ChangeContext,
    terms: PlaceTerms = {},
  ): Promise<Booking> {
    const { eventId, program, organisation, references } = opening;
    const { bind, values } = placeholders();
    const gate = gateQuery(actor, eventId, organisation, references, bind);
    const open = gateOpenCondition(program, references.length, bind);
    const alwaysPending = bind(!!terms.awaiting || !!this.kinds.of(booking.kind)?.alwaysNeedsApproval);
    const rows = await this.placeInPool(manager, { ...booking, eventId }, context, terms, bind, {
      with: `gate AS MATERIALIZED (${gate}),`,
      poolOnlyIf: `AND EXISTS (SELECT 1 FROM gate WHERE ${open})`,
      approvedStatus: `CASE WHEN ${alwaysPending}::boolean OR (SELECT gate_requires_approval FROM gate) THEN 'pending' ELSE 'confirmed' END`,
      answer: { columns: 'gate.*,', from: 'gate LEFT JOIN pool ON true' },
    }, values);
    const [row] = rows;
    // the statement decided; a booking it did not write is explained here, in the gate's order
    if (!row?.id) refuseUnlessOpen(row && gateOf(row, references.length), program, references);
    return this.placed(manager, row, booking.quantity);
  }

  /**
   * Moves a booking to `to` (confirm, reject, cancel). Leaving a state that held capacity
   * frees it, and the first waiting bookings that fit are promoted in the same transaction.
   */
  async transition(
    manager: EntityManager,
    bookingId: string,
    to: BookingStatus,
    context: ChangeContext,
    changes: Partial<Booking> = {},
  ): Promise<Booking> {
    const booking = await manager
      .createQueryBuilder(Booking, 'b')
      .setLock('pessimistic_write')
      .where('b.id = :bookingId', { bookingId })
      .getOne();
    if (!booking) throw new NotFoundError('booking');
    if (!BOOKING_TRANSITIONS[booking.status].includes(to)) {
      throw new DomainError('invalid_transition', { status: booking.status });
    }
    await this.updateBooking(manager, booking.id, { ...changes, status: to, waitlistedAt: null });
    const change: BookingChangeKind = to === 'pending' || to === 'confirmed' ? 'confirmed' : to;
    await this.record(manager, booking.id, change, booking.status, to, context);
    if (booking.bookableId && HOLDS_CAPACITY.includes(booking.status) && !HOLDS_CAPACITY.includes(to)) {
      await this.release(manager, booking.bookableId, booking.quantity);
    }
    return manager.findOneByOrFail(Booking, { id: booking.id });
  }

  /**
   * Moves a booking that holds its places to another pool of the same event and kind (a class
   * visit to another time slot) in one step: the new places are taken first and the old ones
   * freed only then, their waiting list moving up; where the new pool has no room, nothing
   * changes (`no_place_free`) and the old place is kept. The booking, then both pools in the
   * order of their ids, are locked: two moves crossing each other wait, they never deadlock.
   */
  async move(manager: EntityManager, bookingId: string, toBookableId: string, context: ChangeContext): Promise<Booking> {
    const booking = await manager.createQueryBuilder(Booking, 'b').setLock('pessimistic_write').where('b.id = :bookingId', { bookingId }).getOne();
    if (!booking) throw new NotFoundError('booking');
    if (!booking.bookableId || !HOLDS_CAPACITY.includes(booking.status)) throw new DomainError('invalid_transition', { status: booking.status });
    const from = booking.bookableId;
    if (from === toBookableId) return booking;
    const pools: Array<{ id: string; event_id: string; kind: string }> = await manager.query(
      `SELECT id, event_id, kind FROM bookables WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`,
      [[from, toBookableId]],
    );
    const [old, target] = [pools.find((p) => p.id === from)!, pools.find((p) => p.id === toBookableId)];
    if (!target || target.event_id !== old.event_id || target.kind !== old.kind) throw invalidField('bookableId', 'notInEvent', 'reference');
    if (!(await this.hold(manager, toBookableId, booking.quantity))) throw new DomainError('no_place_free');
    await this.updateBooking(manager, booking.id, { bookableId: toBookableId });
    await this.record(manager, booking.id, 'changed', booking.status, booking.status, { ...context, details: { ...context.details, movedFrom: from, movedTo: toBookableId } });
    await this.release(manager, from, booking.quantity);
    return manager.findOneByOrFail(Booking, { id: booking.id });
  }

  /** Opens a new capacity of an event (a fair's stands, a time slot, an offer's weekday); returns its id. */
  async openPool(manager: EntityManager, eventId: string, kind: BookableKind, capacity: number): Promise<string> {
    const [pool] = await manager.query(`INSERT INTO bookables (event_id, kind, capacity) VALUES ($1, $2, $3) RETURNING id`, [eventId, kind, capacity]);
    return pool.id;
  }

  /**
   * Removes a capacity with what hangs on it (a time slot); false when the event has no
   * such one. A capacity that bookings still refer to is refused (`still_in_use`).
   */
  async removePool(manager: EntityManager, eventId: string, poolId: string, kind: BookableKind): Promise<boolean> {
    try {
      const deleted = await queryRows(manager, `DELETE FROM bookables WHERE id = $1 AND event_id = $2 AND kind = $3 RETURNING id`, [poolId, eventId, kind]);
      return deleted.length > 0;
    } catch (error) {
      if (isStillReferenced(error)) throw new DomainError('still_in_use');
      throw error;
    }
  }

  /** The event's capacity of a kind that it has once (a fair's stands). */
  async poolOf(manager: EntityManager, eventId: string, kind: BookableKind): Promise<string | undefined> {
    const [pool] = await manager.query(`SELECT id FROM bookables WHERE event_id = $1 AND kind = $2`, [eventId, kind]);
    return pool?.id;
  }

  /**
   * Forgets whom bookings were for, once a minor's data is past retention: the pupil goes
   * from the booking and the reasons from its single-day changes (they may name an illness).
   * The bookings stay, as anonymous numbers for the statistics.
   */
  async forgetPupils(manager: EntityManager, bookingIds: string[]): Promise<void> {
    await manager.query(`UPDATE booking_changes SET reason = NULL, details = '{}' WHERE booking_id = ANY($1) AND change IN ('day_cancelled', 'day_restored')`, [bookingIds]);
    await manager.query(`UPDATE bookings SET pupil_id = NULL WHERE id = ANY($1)`, [bookingIds]);
  }

  /**
   * Sets a new capacity; refuses to go below what is booked; promotes when it grows. The
   * counter is locked first and the decision taken on the locked row: a single conditional
   * UPDATE would judge "below what is booked" on the statement's snapshot and refuse a
   * capacity that a cancellation committed meanwhile had made possible.
   */
  async setCapacity(manager: EntityManager, bookableId: string, capacity: number): Promise<void> {
    const [current] = await manager.query(`SELECT booked FROM bookables WHERE id = $1 FOR UPDATE`, [bookableId]);
    if (!current) throw new NotFoundError();
    if (current.booked > capacity) throw new DomainError('capacity_below_booked', { booked: current.booked });
    await manager.query(`UPDATE bookables SET capacity = $2 WHERE id = $1`, [bookableId, capacity]);
    await this.promote(manager, bookableId);
  }

  /**
   * Ends every live booking of an event with it, in one statement; each leaves its history
   * row (and so its mail), and the counters go back to zero. The caller holds the event's
   * row lock, so no booking can enter meanwhile. As in `place`, the new version is taken
   * from the locked row (`live`), not from the UPDATE's own snapshot of the booking, which
   * may be older than a promotion committed while this statement waited for its lock.
   */
  async cancelEvent(manager: EntityManager, eventId: string, context: ChangeContext): Promise<void> {
    await manager.query(
      `WITH live AS (
         SELECT id, status, version FROM bookings WHERE event_id = $1 AND status = ANY($2) ORDER BY id FOR UPDATE),
       cancelled AS (
         UPDATE bookings b SET status = 'cancelled', waitlisted_at = NULL, version = live.version + 1, updated_at = now()
           FROM live WHERE b.id = live.id RETURNING b.id, live.version + 1 AS version, live.status AS from_status)
       INSERT INTO booking_changes (booking_id, change, from_status, to_status, actor_id, reason, booking_version)
       SELECT id, 'cancelled', from_status, 'cancelled', $3, $4, version FROM cancelled`,
      [eventId, LIVE, context.actorId, context.reason ?? null],
    );
    await manager.query(`UPDATE bookables SET booked = 0 WHERE event_id = $1`, [eventId]);
  }

  /**
   * Appends to the booking's history, with the version the booking has now (its calendar
   * entry's SEQUENCE). The row is also the mail work's to-do: the outbox worker turns it
   * into mails once this transaction has committed, so a rolled-back change sends nothing.
   */
  async record(
    manager: EntityManager,
    bookingId: string,
    change: BookingChangeKind,
    fromStatus: BookingStatus | null,
    toStatus: BookingStatus,
    context: ChangeContext,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO booking_changes (booking_id, change, from_status, to_status, actor_id, reason, details, booking_version)
       SELECT id, $2, $3, $4, $5, $6, $7, version FROM bookings WHERE id = $1`,
      [bookingId, change, fromStatus, toStatus, context.actorId, context.reason ?? null, JSON.stringify(context.details ?? {})],
    );
  }

  /** Marks a change of the booking's content (not its state) and bumps its version. */
  async touch(manager: EntityManager, booking: Booking, change: BookingChangeKind, context: ChangeContext) {
    await this.updateBooking(manager, booking.id, {});
    await this.record(manager, booking.id, change, booking.status, booking.status, context);
  }

  /** Pending until an organiser confirms: where the event asks for it, or the kind always does (stands). */
  /**
   * Every live booking of an event changes with it (the event moved): a new version, and a
   * change in its history (so a mail with the updated calendar entry). Locked in a fixed order.
   */
  async touchEvent(manager: EntityManager, eventId: string, change: BookingChangeKind, context: ChangeContext): Promise<void> {
    await this.touchLive(manager, 'b.event_id = :id', eventId, change, context);
  }

  /** The same for the live bookings of one capacity whose time moved (a time slot). */
  async touchPool(manager: EntityManager, bookableId: string, change: BookingChangeKind, context: ChangeContext): Promise<void> {
    await this.touchLive(manager, 'b.bookable_id = :id', bookableId, change, context);
  }

  private async touchLive(manager: EntityManager, where: string, id: string, change: BookingChangeKind, context: ChangeContext) {
    const live = await manager
      .createQueryBuilder(Booking, 'b')
      .setLock('pessimistic_write')
      .where(`${where} AND b.status IN ('pending', 'confirmed')`, { id })
      .orderBy('b.id')
      .getMany();
    for (const booking of live) await this.touch(manager, booking, change, context);
  }

  private needsApproval(event: Pick<Event, 'requiresApproval'>, kind: BookingKind) {
    return event.requiresApproval || !!this.kinds.of(kind)?.alwaysNeedsApproval;
  }

  /** Takes `quantity` places if they are free, in one statement: true if taken. */
  private async hold(manager: EntityManager, bookableId: string, quantity: number): Promise<boolean> {
    const rows = await queryRows(
      manager,
      `UPDATE bookables SET booked = booked + $2 WHERE id = $1 AND booked + $2 <= capacity RETURNING id`,
      [bookableId, quantity],
    );
    return rows.length > 0;
  }

  private async release(manager: EntityManager, bookableId: string, quantity: number) {
    await manager.query(`UPDATE bookables SET booked = booked - $2 WHERE id = $1`, [bookableId, quantity]);
    await this.promote(manager, bookableId);
  }

  /**
   * Promotes waiting bookings, first come first served: each in turn that fits into what
   * is free now takes its places; one that does not fit waits on, and a smaller one behind
   * it may go ahead.
   */
  private async promote(manager: EntityManager, bookableId: string) {
    const [pool] = await manager.query(
      `SELECT b.capacity - b.booked AS free, e.requires_approval, e.status
         FROM bookables b JOIN events e ON e.id = b.event_id WHERE b.id = $1 FOR UPDATE OF b`,
      [bookableId],
    );
    let free: number = pool.free;
    // A closed event still moves its waiting list up; a cancelled or completed one does not.
    if (free <= 0 || !['published', 'closed'].includes(pool.status)) return;
    const waiting: Booking[] = await manager
      .createQueryBuilder(Booking, 'b')
      .setLock('pessimistic_write')
      .where(`b.bookable_id = :bookableId AND b.status = 'waitlisted'`, { bookableId })
      .orderBy('b.waitlisted_at', 'ASC')
      .addOrderBy('b.id', 'ASC')
      .getMany();
    for (const booking of waiting) {
      // `free` was read under the counter's lock, so the hold succeeds; if it ever did not,
      // the booking keeps waiting rather than being confirmed without its places.
      if (booking.quantity > free || !(await this.hold(manager, bookableId, booking.quantity))) continue;
      free -= booking.quantity;
      const to: BookingStatus = this.needsApproval({ requiresApproval: pool.requires_approval }, booking.kind) ? 'pending' : 'confirmed';
      await this.updateBooking(manager, booking.id, { status: to, waitlistedAt: null });
      await this.record(manager, booking.id, 'promoted', 'waitlisted', to, {
        actorId: null,
        reason: 'Platz frei geworden / place became free',
      });
      if (free <= 0) break;
    }
  }

  private async insert(manager: EntityManager, values: Partial<Booking>): Promise<string> {
    try {
      const result = await manager.insert(Booking, values as never);
      return result.identifiers[0].id as string;
    } catch (error) {
      throw this.ruleBroken(error);
    }
  }

  private async updateBooking(manager: EntityManager, id: string, values: Partial<Booking>) {
    try {
      await manager
        .createQueryBuilder()
        .update(Booking)
        .set({ ...values, version: () => 'version + 1' } as never)
        .where('id = :id', { id })
        .execute();
    } catch (error) {
      throw this.ruleBroken(error);
    }
  }

  private ruleBroken(error: unknown) {
    const rule = isUniqueViolation(error) ? UNIQUE_RULES[pgConstraint(error) ?? ''] : undefined;
    return rule ? new DomainError(rule) : error;
  }
}
