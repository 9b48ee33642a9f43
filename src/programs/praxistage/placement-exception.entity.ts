import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A single day of a weekly placement that does not take place (pupil ill, school event). */
@Entity('placement_exceptions')
export class PlacementException {
  @PrimaryColumn('uuid')
  bookingId: string;

  @PrimaryColumn('date')
  day: string;

  @Column('text')
  reason: string;

  @Column('uuid', { nullable: true })
  recordedBy: string | null;

  @Column('timestamptz', { default: () => 'now()' })
  recordedAt: Date;
}
