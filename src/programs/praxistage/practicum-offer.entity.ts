import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** Praxistage: a company's weekly places for pupils, per weekday, over (part of) the term. */
@Entity('practicum_offers')
export class PracticumOffer {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  eventId: string;

  @Column('uuid')
  companyId: string;

  /** Berufsfeld, e.g. "Metall, Maschinenbau". */
  @Column('text')
  occupationalField: string;

  /** Ausbildungsberuf, e.g. "Industriemechaniker/in". */
  @Column('text', { default: '' })
  apprenticeship: string;

  /** ISO weekdays offered, 1 = Monday … 5 = Friday. */
  @Column('smallint', { array: true })
  weekdays: number[];

  /** One-term offers: places on each weekday. A year's Steckbrief has none: its places are per phase and weekday. */
  @Column('smallint', { nullable: true })
  placesPerWeekday: number | null;

  @Column('date')
  firstDate: string;

  @Column('date')
  lastDate: string;

  /** Local time (Europe/Berlin) the practice day starts, 'HH:MM:SS'. */
  @Column('time')
  dailyStart: string;

  @Column('time')
  dailyEnd: string;

  @Column('text')
  street: string;

  @Column('text')
  postalCode: string;

  @Column('text')
  town: string;

  /** The person in the company who looks after the pupil. */
  @Column('text')
  mentor: string;

  @Column('text')
  contactPerson: string;

  @Column('text')
  contactPhone: string;

  @Column('text')
  contactEmail: string;

  @Column('text', { default: '' })
  description: string;

  /** Steckbrief: what a pupil does there. */
  @Column('text', { default: '' })
  tasks: string;

  /** Steckbrief: what the company expects of a pupil. */
  @Column('text', { default: '' })
  expectations: string;

  @Column('text', { nullable: true })
  district: string | null;

  /** Steckbrief: pupils see it once an organiser approved it; one-term offers are approved as published. */
  @Column('text', { default: 'approved' })
  reviewStatus: 'draft' | 'submitted' | 'approved' | 'returned';

  @Column('text', { nullable: true })
  reviewNote: string | null;

  @Column('uuid', { nullable: true })
  copiedFrom: string | null;

  /** The company lets a proposal place pupils here directly instead of sending it their applications. */
  @Column('boolean', { default: false })
  assignDirectly: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
