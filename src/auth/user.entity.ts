import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Locale } from '../common/errors/error-messages';
import { Role } from '../common/identity/role';

/**
 * A person who logs in. Members belong to exactly one company or school (CHECK in the
 * migration); organisers and partners to none.
 */
@Entity('users')
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored lower-cased; unique. */
  @Column('text')
  email: string;

  @Column('text')
  name: string;

  @Column('text', { select: false })
  passwordHash: string;

  @Column('text')
  role: Role;

  @Column('uuid', { nullable: true })
  companyId: string | null;

  @Column('uuid', { nullable: true })
  schoolId: string | null;

  @Column('text', { default: 'de' })
  locale: Locale;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
