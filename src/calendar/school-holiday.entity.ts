import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** School holidays (Ferien) in Thuringia, entered by the organisers per school year. */
@Entity('school_holidays')
export class SchoolHoliday {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** e.g. "2026/27". */
  @Column('text')
  schoolYear: string;

  @Column('text')
  name: string;

  @Column('date')
  firstDay: string;

  @Column('date')
  lastDay: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
