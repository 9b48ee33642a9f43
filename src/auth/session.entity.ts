import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A browser login. The cookie holds a random secret; only its SHA-256 is stored, so a
 * copy of the database cannot be used to log in. Kept in PostgreSQL, not in memory,
 * so any app instance can serve any request.
 */
@Entity('auth_sessions')
export class Session {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  userId: string;

  @Column('text', { select: false })
  secretHash: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz')
  expiresAt: Date;
}
