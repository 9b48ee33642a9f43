import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { BookingStatus } from '../bookings/booking-status';
import type { OrganisationKind } from '../organisations/organisation-status';

/**
 * A message of the organisers to the bookers of an event, as it was sent: the text in German
 * and, where given, English; the filter that chose its recipients and how many it reached.
 * Each recipient's mail is in the outbox (event_message_recipients links them).
 */
@Entity('event_messages')
export class EventMessage {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  eventId: string;

  @Column('text')
  subjectDe: string;

  @Column('text')
  textDe: string;

  /** Without an English version, readers of English get the German one. */
  @Column('text', { nullable: true })
  subjectEn: string | null;

  @Column('text', { nullable: true })
  textEn: string | null;

  /** The filter: bookings in these states … */
  @Column('text', { array: true })
  statuses: BookingStatus[];

  /** … holding a place in one of these slots (empty: any) … */
  @Column('uuid', { array: true })
  slotIds: string[];

  /** … and of these of their organisations: the booking company, the booking school, or both. */
  @Column('text', { array: true })
  organisationKinds: OrganisationKind[];

  /** What the message reached when it was sent. */
  @Column('integer')
  bookings: number;

  @Column('integer')
  organisations: number;

  @Column('integer')
  people: number;

  @Column('uuid', { nullable: true })
  sentBy: string | null;

  /** The page form's or the client's Idempotency-Key: the same key sends once. */
  @Column('text', { nullable: true })
  sendKey: string | null;

  /** What the sending request asked for; the same key with another message is refused. */
  @Column('text')
  requestHash: string;

  @Column('timestamptz', { default: () => 'now()' })
  sentAt: Date;
}
