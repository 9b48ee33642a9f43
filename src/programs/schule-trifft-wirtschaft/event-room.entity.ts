import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const ROOM_KINDS = ['classroom', 'workshop', 'computer_room', 'kitchen', 'hall'] as const;
export type RoomKind = (typeof ROOM_KINDS)[number];

/** Schule trifft Wirtschaft: a room of the host school that sessions can use. */
@Entity('event_rooms')
export class EventRoom {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  eventId: string;

  @Column('text')
  name: string;

  /** What the room is: an ordinary classroom, or one a company may need (a workshop, a kitchen …). */
  @Column('text', { default: 'classroom' })
  kind: RoomKind;
}
