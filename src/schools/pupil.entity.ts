import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A pupil taking part in Praxistage. Pupils are minors: first name, last name and class,
 * and the date the school recorded the parents' consent — deliberately nothing else
 * (no e-mail, phone or birth date).
 */
@Entity('pupils')
export class Pupil {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  schoolId: string;

  @Column('uuid')
  classId: string;

  @Column('text')
  firstName: string;

  @Column('text')
  lastName: string;

  /** The day the school recorded consent (date only, Europe/Berlin). */
  @Column('date')
  consentRecordedOn: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
