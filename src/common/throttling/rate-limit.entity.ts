import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One throttling window per key, shared by every instance of the app. */
@Entity('rate_limits')
export class RateLimit {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  key: string;

  @Column({ type: 'integer' })
  hits: number;

  @Column({ name: 'expires_at', type: 'datetime', precision: 3 })
  expiresAt: Date;

  @Column({ name: 'blocked_until', type: 'datetime', precision: 3, nullable: true })
  blockedUntil: Date | null;
}
