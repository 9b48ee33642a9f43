import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { BookingChangeKind, BookingStatus } from './booking-status';

/**
 * One change of a booking: who, when, from which state to which, and why. It is the
 * booking's history and, until `notifiedAt` is set, the event the mail work consumes after
 * the change committed — written in the same transaction as the change itself.
 */
@Entity('booking_changes')
export class BookingChange {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column('uuid')
  bookingId: string;

  @Column('text')
  change: BookingChangeKind;

  @Column('text', { nullable: true })
  fromStatus: BookingStatus | null;

  @Column('text')
  toStatus: BookingStatus;

  /** Who made the change; empty when the system did (promotion from the waiting list). */
  @Column('uuid', { nullable: true })
  actorId: string | null;

  @Column('text', { nullable: true })
  reason: string | null;

  @Column('jsonb', { default: {} })
  details: Record<string, unknown>;

  /** The booking's version right after this change: the SEQUENCE of its calendar entry. */
  @Column('integer', { nullable: true })
  bookingVersion: number | null;

  @Column('timestamptz', { default: () => 'now()' })
  occurredAt: Date;

  @Column('timestamptz', { nullable: true })
  notifiedAt: Date | null;

  /** Failed attempts to compose its mail; at MAX_ATTEMPTS it waits for a person. */
  @Column('integer', { default: 0 })
  notifyAttempts: number;

  /** Why its mail could not be composed, the last time it was tried. */
  @Column('text', { nullable: true })
  notifyError: string | null;
}
