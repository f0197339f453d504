import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A server-side session in the embedded store (SESSION_STORE=database). */
@Entity('sessions')
export class SessionRecord {
  @PrimaryColumn({ type: 'varchar', length: 128 })
  id: string;

  @Index('IDX_sessions_user_id')
  @Column({ name: 'user_id', type: 'varchar', length: 36, nullable: true })
  userId: string | null;

  @Index('IDX_sessions_expires_at')
  @Column({ name: 'expires_at', type: 'datetime', precision: 3 })
  expiresAt: Date;

  @Column({ type: 'text' })
  data: string;
}
