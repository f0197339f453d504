import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';

/** A published post carries a tag; `createdAt` is the post's, so a tag page is one keyset index. */
@Entity('post_tags')
@Index('IDX_post_tags_tag_id_created_at_post_id', ['tagId', 'createdAt', 'postId'])
export class PostTag {
  /** No foreign key: the row outlives a deleted post until its tags' counts are adjusted. */
  @PrimaryColumn({ name: 'post_id', type: 'varchar', length: 36 })
  postId: string;

  @ForeignKey('Tag', { name: 'FK_post_tags_tag_id', onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @PrimaryColumn({ name: 'tag_id', type: 'varchar', length: 36 })
  tagId: string;

  @Index('IDX_post_tags_author_id')
  @ForeignKey('User', { name: 'FK_post_tags_author_id', onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @Column({ name: 'author_id', type: 'varchar', length: 36 })
  authorId: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
