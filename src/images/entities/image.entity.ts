import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';

export type ImageStatus = 'pending' | 'attached';
export type ImagePurpose = 'post' | 'avatar';
export type ProcessingState = 'processing' | 'ready' | 'failed';

/** One stored WebP variant (docs/api.md, "Shapes"); its key is `users/<owner>/variants/…`. */
export interface StoredVariant {
  width: number;
  height: number;
  key: string;
}

/**
 * An upload intent (`pending`: a signed URL was handed out for `uploads/…`, nothing is
 * verified) that becomes a verified image (`attached`: copied to a key no URL was issued for,
 * checked, and in use by a post or an avatar), then processed into variants.
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

  /** What the attached image is for: the shape of its variants. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  purpose: ImagePurpose | null;

  /** Null while an intent; `processing` from attachment until its variants exist. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  processing: ProcessingState | null;

  /** The variants, widest first (JSON). */
  @Column({ type: 'simple-json', nullable: true })
  variants: StoredVariant[] | null;

  /** ThumbHash, base64. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  placeholder: string | null;

  /** Dominant colour, `#rrggbb`. */
  @Column({ type: 'varchar', length: 7, nullable: true })
  color: string | null;

  /** Why processing failed, for the owner. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  failure: string | null;

  /** When an unused intent lapses; null once attached. */
  @Column({ name: 'expires_at', type: 'datetime', precision: 3, nullable: true })
  expiresAt: Date | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
