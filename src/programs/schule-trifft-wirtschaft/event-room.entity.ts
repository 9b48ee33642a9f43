import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Schule trifft Wirtschaft: a room of the host school that sessions can use. */
@Entity('event_rooms')
export class EventRoom {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  eventId: string;

  @Column('text')
  name: string;
}
