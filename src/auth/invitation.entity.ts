import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Role } from '../common/identity/role';

/**
 * An invitation to join: a member invites a colleague into its own company or school; an
 * organiser invites staff (organisers, partners). Single use, limited in time.
 */
@Entity('invitations')
export class Invitation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  email: string;

  @Column('text')
  role: Role;

  @Column('uuid', { nullable: true })
  companyId: string | null;

  @Column('uuid', { nullable: true })
  schoolId: string | null;

  @Column('uuid')
  invitedBy: string;

  @Column('text', { select: false })
  secretHash: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz')
  expiresAt: Date;

  @Column('timestamptz', { nullable: true })
  acceptedAt: Date | null;
}
