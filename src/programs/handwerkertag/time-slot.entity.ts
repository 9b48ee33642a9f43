import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Handwerkertag: a visiting time slot; its id is the id of its bookable (capacity in persons). */
@Entity('time_slots')
export class TimeSlot {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  eventId: string;

  @Column('timestamptz')
  startsAt: Date;

  @Column('timestamptz')
  endsAt: Date;
}
