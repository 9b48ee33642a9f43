import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Schule trifft Wirtschaft: a lesson period of the day (1st, 2nd, …) with its times. */
@Entity('event_periods')
export class EventPeriod {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  eventId: string;

  @Column('smallint')
  number: number;

  @Column('timestamptz')
  startsAt: Date;

  @Column('timestamptz')
  endsAt: Date;
}
