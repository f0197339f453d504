import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';

/** One place in a computed explore ranking; each refresh writes a new generation. */
@Entity('explore_entries')
export class ExploreEntry {
  @PrimaryColumn({ type: 'integer' })
  generation: number;

  @PrimaryColumn({ type: 'integer' })
  position: number;

  @Index('IDX_explore_entries_post_id')
  @ForeignKey('Post', {
    name: 'FK_explore_entries_post_id',
    onDelete: 'CASCADE',
    onUpdate: 'RESTRICT',
  })
  @Column({ name: 'post_id', type: 'varchar', length: 36 })
  postId: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
