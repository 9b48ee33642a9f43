import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One weekday of a practicum offer; its id is the id of its bookable (places on that weekday). */
@Entity('offer_weekdays')
export class OfferWeekday {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  offerId: string;

  @Column('smallint')
  weekday: number;
}
