import { Injectable } from '@nestjs/common';
import { In, LessThan } from 'typeorm';
import { TransactionHost } from '../database/transaction-host';
import { Image } from './entities/image.entity';

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

  findByIds(ids: string[]): Promise<Image[]> {
    return ids.length === 0 ? Promise.resolve([]) : this.images.findBy({ id: In(ids) });
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

  /** Pending → attached, only if still pending: of two racing claims one wins. */
  async markAttached(id: string, width: number, height: number): Promise<boolean> {
    const result = await this.images
      .createQueryBuilder()
      .update()
      .set({ status: 'attached', width, height, expiresAt: null })
      .where('id = :id AND status = :pending', { id, pending: 'pending' })
      .execute();
    return result.affected === 1;
  }

  async deleteByIds(ids: string[]): Promise<void> {
    if (ids.length > 0) await this.images.delete({ id: In(ids) });
  }
}
