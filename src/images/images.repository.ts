import { Injectable } from '@nestjs/common';
import { In, LessThan } from 'typeorm';
import { TransactionHost } from '../database/transaction-host';
import { Image, type StoredVariant } from './entities/image.entity';

@Injectable()
export class ImagesRepository {
  constructor(private readonly db: TransactionHost) {}

  private get images() {
    return this.db.repository(Image);
  }

  insert(image: Image): Promise<unknown> {
    return this.images.insert(image);
  }

  findById(id: string): Promise<Image | null> {
    return this.images.findOneBy({ id });
  }

  /**
   * The variants of those of these images that are attached (avatars by id), in one plain
   * statement: every signed-in answer with an avatar asks.
   */
  async attachedVariants(
    ids: string[],
  ): Promise<Array<{ id: string; variants: StoredVariant[] | null }>> {
    if (ids.length === 0) return [];
    const rows = await this.db.query<{ id: string; variants: string | null }>(
      `SELECT id, variants FROM images WHERE id IN (${ids.map(() => '?').join(', ')}) AND status = 'attached'`,
      ids,
    );
    return rows.map((row) => ({
      id: row.id,
      variants: row.variants === null ? null : (JSON.parse(row.variants) as StoredVariant[]),
    }));
  }

  findByIds(ids: string[]): Promise<Image[]> {
    return ids.length === 0 ? Promise.resolve([]) : this.images.findBy({ id: In(ids) });
  }

  /** A pending intent by the key its upload URL writes to. */
  findPendingByStorageKey(storageKey: string): Promise<Image | null> {
    return this.images.findOneBy({ storageKey, status: 'pending' });
  }

  /** Attached images still waiting for their variants, oldest first. */
  async findProcessingIds(limit: number): Promise<string[]> {
    const rows = await this.images.find({
      select: { id: true },
      where: { status: 'attached', processing: 'processing' },
      order: { createdAt: 'ASC' },
      take: limit,
    });
    return rows.map((row) => row.id);
  }

  findByOwner(ownerId: string): Promise<Image[]> {
    return this.images.findBy({ ownerId });
  }

  /** Pending intents that lapsed before `before`, oldest first. */
  findLapsedIntents(before: Date, limit: number): Promise<Image[]> {
    return this.images.find({
      where: { status: 'pending', expiresAt: LessThan(before) },
      order: { expiresAt: 'ASC' },
      take: limit,
    });
  }

  /**
   * Pending → attached at its verified copy, waiting for processing, only if still pending:
   * of two racing claims one wins.
   */
  async markAttached(
    id: string,
    changes: Pick<Image, 'width' | 'height' | 'storageKey' | 'purpose'>,
  ): Promise<boolean> {
    const result = await this.images
      .createQueryBuilder()
      .update()
      .set({ ...changes, status: 'attached', processing: 'processing', expiresAt: null })
      .where('id = :id AND status = :pending', { id, pending: 'pending' })
      .execute();
    return result.affected === 1;
  }

  /** Processing → ready or failed, once: false when the image is gone or already done. */
  async finishProcessing(
    id: string,
    changes: Partial<
      Pick<
        Image,
        'processing' | 'width' | 'height' | 'variants' | 'placeholder' | 'color' | 'failure'
      >
    >,
  ): Promise<boolean> {
    const result = await this.images
      .createQueryBuilder()
      .update()
      .set(changes)
      .where('id = :id AND processing = :processing', { id, processing: 'processing' })
      .execute();
    return result.affected === 1;
  }

  async deleteByIds(ids: string[]): Promise<void> {
    if (ids.length > 0) await this.images.delete({ id: In(ids) });
  }
}
