import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { OrganisationStatus } from '../organisations/organisation-status';
import type { District } from '../organisations/region';

/** A business (Betrieb): presents at fairs, comes to schools, takes Praxistage pupils. */
@Entity('companies')
export class Company {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  name: string;

  @Column('text')
  street: string;

  @Column('text')
  postalCode: string;

  @Column('text')
  town: string;

  @Column('text')
  district: District;

  /** Trade or branch, e.g. "Elektrohandwerk", "Bäckerei". */
  @Column('text')
  branch: string;

  /** Apprenticeships (Ausbildungsberufe) the company trains in. */
  @Column('text', { array: true, default: () => "'{}'" })
  apprenticeships: string[];

  @Column('text')
  contactPerson: string;

  @Column('text')
  phone: string;

  @Column('text')
  email: string;

  @Column('text', { nullable: true })
  website: string | null;

  @Column('text', { default: '' })
  description: string;

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
