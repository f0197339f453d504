import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';

/** One photo of a post, at its place in the post's order, with its own alt text. */
@Entity('post_media')
export class PostMedia {
  @ForeignKey('Post', { name: 'FK_post_media_post_id', onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @PrimaryColumn({ name: 'post_id', type: 'varchar', length: 36 })
  postId: string;

  /** 0 for the first photo. */
  @PrimaryColumn({ type: 'integer' })
  position: number;

  @Index('UQ_post_media_image_id', { unique: true })
  @ForeignKey('Image', {
    name: 'FK_post_media_image_id',
    onDelete: 'RESTRICT',
    onUpdate: 'RESTRICT',
  })
  @Column({ name: 'image_id', type: 'varchar', length: 36 })
  imageId: string;

  @Column({ name: 'alt_text', type: 'varchar', length: 1000, nullable: true })
  altText: string | null;
}
