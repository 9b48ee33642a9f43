import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type BookableKind = 'stands' | 'time_slot' | 'offer_weekday' | 'phase_place';

/**
 * Anything with a capacity: the stands of a fair, a visiting time slot (persons), one
 * weekday of a practicum offer (places). `booked` counts what pending and confirmed
 * bookings hold; the database refuses `booked > capacity`.
 */
@Entity('bookables')
export class Bookable {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  eventId: string;

  @Column('text')
  kind: BookableKind;

  @Column('integer')
  capacity: number;

  @Column('integer', { default: 0 })
  booked: number;
}
