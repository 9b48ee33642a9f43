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

  /** Only for the door role: the event whose entrance the login is for. */
  @Column('uuid', { nullable: true })
  eventId: string | null;

  @Column('text', { default: 'de' })
  locale: Locale;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  /** Set when an organiser deactivated the member: no login, no session, no token, no mail. */
  @Column('timestamptz', { nullable: true })
  deactivatedAt: Date | null;

  /** When a session was last started (login, registration, accepted invitation). */
  @Column('timestamptz', { nullable: true })
  lastLoginAt: Date | null;
}
