import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A class of a school, e.g. "8a" in grade 8. */
@Entity('school_classes')
export class SchoolClass {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  schoolId: string;

  @Column('text')
  name: string;

  @Column('smallint')
  grade: number;

  @Column('smallint')
  pupilCount: number;

  @Column('text')
  classTeacher: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
