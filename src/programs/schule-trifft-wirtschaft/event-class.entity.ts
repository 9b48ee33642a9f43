import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Schule trifft Wirtschaft: a class of the host school taking part in the day. */
@Entity('event_classes')
export class EventClass {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  eventId: string;

  @Column('uuid')
  schoolClassId: string;

  /** How many sessions the class has on the day; null: one in every period. */
  @Column('smallint', { nullable: true })
  sessions: number | null;
}
