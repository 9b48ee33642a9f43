import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Locale } from '../common/errors/error-messages';

export type OutboxStatus = 'pending' | 'sent' | 'failed';
export type CalendarMethod = 'REQUEST' | 'CANCEL' | 'PUBLISH';

/**
 * A mail to one recipient, written in the transaction of the change that causes it and
 * sent later by the worker. Its record (who, what, when, status) stays; body and
 * attachment are purged after MAIL_BODY_RETENTION_DAYS.
 */
@Entity('outbox_mails')
export class OutboxMail {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The template, e.g. `booking-confirmed`. */
  @Column('text')
  kind: string;

  @Column('text')
  recipient: string;

  @Column('text')
  locale: Locale;

  @Column('text')
  subject: string;

  @Column('text', { nullable: true })
  textBody: string | null;

  @Column('text', { nullable: true })
  htmlBody: string | null;

  /** The .ics sent along (text/calendar part and attachment). */
  @Column('text', { nullable: true })
  calendar: string | null;

  @Column('text', { nullable: true })
  calendarMethod: CalendarMethod | null;

  /** A generated document sent along (a confirmation as PDF). */
  @Column('bytea', { nullable: true })
  attachment: Buffer | null;

  @Column('text', { nullable: true })
  attachmentName: string | null;

  @Column('uuid', { nullable: true })
  bookingId: string | null;

  @Column('text', { default: 'pending' })
  status: OutboxStatus;

  @Column('integer', { default: 0 })
  attempts: number;

  @Column('timestamptz', { default: () => 'now()' })
  nextAttemptAt: Date;

  /** A worker that claimed the mail holds it until then; after that another may take it. */
  @Column('timestamptz', { nullable: true })
  leasedUntil: Date | null;

  @Column('text', { nullable: true })
  lastError: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz', { nullable: true })
  sentAt: Date | null;

  @Column('timestamptz', { nullable: true })
  bodyPurgedAt: Date | null;
}
