import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { BookingKind, BookingStatus } from './booking-status';

/**
 * Every booking of every program: a stand application, a class visit, a company's
 * registration for a Schule-trifft-Wirtschaft day, a session in the grid, a weekly
 * placement. The kind-specific columns are the keys the database keeps unique (a class
 * visits once, one company per class and period, one placement per pupil and weekday).
 */
@Entity('bookings')
export class Booking {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  eventId: string;

  @Column('text')
  kind: BookingKind;

  /** The capacity this booking counts against; none for registrations and sessions. */
  @Column('uuid', { nullable: true })
  bookableId: string | null;

  /** Persons for a class visit (pupils + teachers), else 1. */
  @Column('integer')
  quantity: number;

  @Column('text')
  status: BookingStatus;

  @Column('uuid', { nullable: true })
  companyId: string | null;

  @Column('uuid', { nullable: true })
  schoolId: string | null;

  /** Class visit: the visiting class. */
  @Column('uuid', { nullable: true })
  schoolClassId: string | null;

  /** Session: period, participating class, room and the company's team number. */
  @Column('uuid', { nullable: true })
  periodId: string | null;

  @Column('uuid', { nullable: true })
  eventClassId: string | null;

  @Column('uuid', { nullable: true })
  roomId: string | null;

  @Column('smallint', { nullable: true })
  team: number | null;

  /** Placement: offer, pupil, weekday and the first and last date of the weekly series. */
  @Column('uuid', { nullable: true })
  offerId: string | null;

  @Column('uuid', { nullable: true })
  pupilId: string | null;

  @Column('smallint', { nullable: true })
  weekday: number | null;

  @Column('date', { nullable: true })
  firstDate: string | null;

  @Column('date', { nullable: true })
  lastDate: string | null;

  /** Stand: the number the organiser assigns when confirming. */
  @Column('integer', { nullable: true })
  standNumber: number | null;

  /** Praxistage year: the phase a placement belongs to (none for a one-term placement). */
  @Column('uuid', { nullable: true })
  phaseId: string | null;

  /** Praxistage year: the occupational field of the placement, for "a different field each phase". */
  @Column('text', { nullable: true })
  occupationalField: string | null;

  /** Praxistage year: the school lets this pupil stay with a company or field of an earlier phase. */
  @Column('boolean', { default: false })
  mayStay: boolean;

  /** Descriptive fields of the kind (a stand application's size, power, activity …). */
  @Column('jsonb', { default: {} })
  details: Record<string, unknown>;

  /** Grows with every change; the calendar entry's SEQUENCE. */
  @Column('integer', { default: 1 })
  version: number;

  /** Place in the waiting list: first come, first served. */
  @Column('timestamptz', { nullable: true })
  waitlistedAt: Date | null;

  @Column('uuid', { nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
