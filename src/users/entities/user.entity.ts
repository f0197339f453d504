import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';
import type { Role } from '../../common/roles';

@Entity('users')
// Prefix search: each key with the ranking, so the best ids come from the index alone.
@Index('IDX_users_username_followers_count', ['username', 'followersCount', 'id'])
@Index('IDX_users_first_name_key_followers_count', ['firstNameKey', 'followersCount', 'id'])
@Index('IDX_users_last_name_key_followers_count', ['lastNameKey', 'followersCount', 'id'])
// A broad prefix walks the ranking (followers_count DESC, id: the migration says DESC) instead.
@Index('IDX_users_search_ranking', [
  'followersCount',
  'id',
  'username',
  'firstNameKey',
  'lastNameKey',
])
export class User {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  /** Stored lower-case: usernames are unique without regard to case. */
  @Index('UQ_users_username', { unique: true })
  @Column({ type: 'varchar', length: 30 })
  username: string;

  /** Stored lower-case: emails are unique without regard to case. */
  @Index('UQ_users_email', { unique: true })
  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ name: 'password_hash', type: 'varchar', length: 255 })
  passwordHash: string;

  @Column({ name: 'first_name', type: 'varchar', length: 50, nullable: true })
  firstName: string | null;

  @Column({ name: 'last_name', type: 'varchar', length: 50, nullable: true })
  lastName: string | null;

  /** The names lower-case without accents, for prefix search ("zoe" finds "Zoë"). */
  @Column({ name: 'first_name_key', type: 'varchar', length: 50, nullable: true })
  firstNameKey: string | null;

  @Column({ name: 'last_name_key', type: 'varchar', length: 50, nullable: true })
  lastNameKey: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  bio: string | null;

  /** The verified image shown as the avatar; set to null by the database if that image goes. */
  @ForeignKey('Image', {
    name: 'FK_users_avatar_image_id',
    onDelete: 'SET NULL',
    onUpdate: 'RESTRICT',
  })
  @Column({ name: 'avatar_image_id', type: 'varchar', length: 36, nullable: true })
  avatarImageId: string | null;

  /** Counters kept in the same transaction as the rows they count. */
  @Column({ name: 'posts_count', type: 'integer', default: 0 })
  postsCount: number;

  /** Indexed: accounts over TIMELINE_FANOUT_LIMIT are found by it (merged into feeds at read). */
  @Index('IDX_users_followers_count')
  @Column({ name: 'followers_count', type: 'integer', default: 0 })
  followersCount: number;

  @Column({ name: 'following_count', type: 'integer', default: 0 })
  followingCount: number;

  /** Bumped when the password changes: sessions that carry an older value are revoked. */
  @Column({ name: 'session_generation', type: 'integer', default: 0 })
  sessionGeneration: number;

  /** `user`, `moderator` or `admin` (see roles.ts). */
  @Column({ type: 'varchar', length: 16, default: 'user' })
  role: Role;

  /** Posts and follow lists only for approved followers; following takes a request. */
  @Index('IDX_users_private')
  @Column({ type: 'boolean', default: false })
  private: boolean;

  /** Set by a moderator: no sign-in, sessions end, content hidden from all but moderators. */
  @Index('IDX_users_suspended_at')
  @Column({ name: 'suspended_at', type: 'datetime', precision: 3, nullable: true })
  suspendedAt: Date | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}

/** What a signed-in request knows of its caller: who, their role, and what revokes the session. */
export type SessionUser = Pick<
  User,
  'id' | 'username' | 'role' | 'sessionGeneration' | 'suspendedAt'
>;
