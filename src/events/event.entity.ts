import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { EventStatus, Program } from './event-status';

/** One Handwerkertag fair, one Schule-trifft-Wirtschaft day, or one Praxistage term. */
@Entity('events')
export class Event {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  program: Program;

  @Column('text')
  title: string;

  @Column('text', { default: '' })
  description: string;

  @Column('text')
  venue: string;

  /** First day (the fair's day; the term's first day). */
  @Column('date')
  startsOn: string;

  @Column('date')
  endsOn: string;

  @Column('timestamptz')
  registrationOpensAt: Date;

  @Column('timestamptz')
  registrationClosesAt: Date;

  /** Until then bookers may cancel themselves; organisers can always. */
  @Column('timestamptz')
  cancellationDeadline: Date;

  /** New bookings wait (`pending`) for an organiser's confirmation. */
  @Column('boolean', { default: false })
  requiresApproval: boolean;

  @Column('text', { default: 'draft' })
  status: EventStatus;

  /** Schule trifft Wirtschaft: the school the companies come to. */
  @Column('uuid', { nullable: true })
  hostSchoolId: string | null;

  /** Schule trifft Wirtschaft: occupational fields the host school asks companies for. */
  @Column('text', { array: true, default: () => "'{}'" })
  requestedOccupationalFields: string[];

  @Column('uuid', { nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
