import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';

export type ImageStatus = 'pending' | 'attached';

/**
 * An upload intent (`pending`: a signed URL was handed out, nothing is verified) that becomes
 * a verified image (`attached`: checked and in use by a post or an avatar).
 */
@Entity('images')
@Index('IDX_images_status_expires_at', ['status', 'expiresAt'])
export class Image {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Index('IDX_images_owner_id')
  @ForeignKey('User', { name: 'FK_images_owner_id', onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @Column({ name: 'owner_id', type: 'varchar', length: 36 })
  ownerId: string;

  @Index('UQ_images_storage_key', { unique: true })
  @Column({ name: 'storage_key', type: 'varchar', length: 255 })
  storageKey: string;

  @Column({ name: 'content_type', type: 'varchar', length: 32 })
  contentType: string;

  @Column({ name: 'size_bytes', type: 'integer' })
  sizeBytes: number;

  @Column({ type: 'integer', nullable: true })
  width: number | null;

  @Column({ type: 'integer', nullable: true })
  height: number | null;

  @Column({ type: 'varchar', length: 16 })
  status: ImageStatus;

  /** When an unused intent lapses; null once attached. */
  @Column({ name: 'expires_at', type: 'datetime', precision: 3, nullable: true })
  expiresAt: Date | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
