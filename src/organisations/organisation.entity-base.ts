import { Column, CreateDateColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { OrganisationStatus } from './organisation-status';
import type { District } from './region';

/** What a company and a school both are: an address in the region, a contact, an approval. */
export abstract class OrganisationRecord {
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

  @Column('text')
  phone: string;

  @Column('text')
  email: string;

  /** pending until an organiser approves; only approved organisations may book. */
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
