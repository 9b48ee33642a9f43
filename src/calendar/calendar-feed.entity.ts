import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A private calendar subscription: one per company, school, or organiser. The URL holds a
 * random token; renewing replaces it, and the old URL stops working at once.
 */
@Entity('calendar_feeds')
export class CalendarFeed {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { nullable: true })
  companyId: string | null;

  @Column('uuid', { nullable: true })
  schoolId: string | null;

  /** Organisers and partners: their own feed of all events. */
  @Column('uuid', { nullable: true })
  userId: string | null;

  @Column('text', { select: false })
  token: string;

  @Column('timestamptz', { default: () => 'now()' })
  renewedAt: Date;
}
