import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { OrganisationStatus } from '../organisations/organisation-status';
import type { District, SchoolType } from '../organisations/region';

@Entity('schools')
export class School {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  name: string;

  @Column('text')
  schoolType: SchoolType;

  @Column('text')
  street: string;

  @Column('text')
  postalCode: string;

  @Column('text')
  town: string;

  @Column('text')
  district: District;

  /** The coordinating teacher for career orientation. */
  @Column('text')
  coordinator: string;

  @Column('text')
  phone: string;

  @Column('text')
  email: string;

  @Column('text', { default: 'pending' })
  status: OrganisationStatus;

  @Column('timestamptz', { nullable: true })
  decidedAt: Date | null;

  @Column('uuid', { nullable: true })
  decidedBy: string | null;

  @Column('text', { nullable: true })
  rejectionReason: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
