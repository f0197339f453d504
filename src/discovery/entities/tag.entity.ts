import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A hashtag: its lower-case name (accents kept) and how many published posts carry it. */
@Entity('tags')
@Index('IDX_tags_name_key_post_count', ['nameKey', 'postCount', 'name', 'id'])
// A broad prefix walks the ranking (post_count DESC, name: the migration says DESC) instead.
@Index('IDX_tags_search_ranking', ['postCount', 'name', 'nameKey', 'id'])
export class Tag {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  /** Compared byte for byte on every database (binary collation on MariaDB, set by the migration). */
  @Index('UQ_tags_name', { unique: true })
  @Column({ type: 'varchar', length: 100 })
  name: string;

  /** The name without accents: what prefix search seeks on (with the count, a covering index). */
  @Column({ name: 'name_key', type: 'varchar', length: 100 })
  nameKey: string;

  /** Kept in the same transaction as the post_tags rows it counts. */
  @Column({ name: 'post_count', type: 'integer', default: 0 })
  postCount: number;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
