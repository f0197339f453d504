import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { FreebConfig } from '../config/configuration';
import { TransactionHost } from '../database/transaction-host';
import { ImagesRepository } from './images.repository';
import { StorageDeletionsRepository } from './storage-deletions.repository';
import { ObjectStorage } from './storage/object-storage';

const BATCH = 50;
const LEASE_MS = 60_000;
const MAX_BACKOFF_MS = 15 * 60_000;

/**
 * Background work in the app: drains the deletion outbox (retrying with exponential backoff
 * until storage confirms) and sweeps upload intents that were never used (their rows go and
 * their objects, if any were uploaded, are queued for deletion).
 */
@Injectable()
export class StorageWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('StorageWorker');
  private readonly intervalMs: number;
  private readonly uploadTtlMs: number;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;

  constructor(
    config: ConfigService<FreebConfig, true>,
    private readonly storage: ObjectStorage,
    private readonly deletions: StorageDeletionsRepository,
    private readonly images: ImagesRepository,
    private readonly db: TransactionHost,
  ) {
    const settings = config.get('storage', { infer: true });
    this.intervalMs = settings.workerIntervalMs;
    this.uploadTtlMs = settings.uploadUrlTtlSeconds * 1000;
  }

  onApplicationBootstrap(): void {
    this.schedule();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** One pass over due deletions; returns how many objects were confirmed deleted. */
  async drain(now = new Date()): Promise<number> {
    const due = await this.deletions.claimDue(now, BATCH, LEASE_MS);
    let deleted = 0;
    for (const deletion of due) {
      try {
        await this.storage.delete(deletion.storageKey);
        await this.deletions.complete(deletion.id);
        deleted += 1;
      } catch (error) {
        const attempts = deletion.attempts + 1;
        const delay = Math.min(this.intervalMs * 2 ** attempts, MAX_BACKOFF_MS);
        await this.deletions.retryLater(
          deletion.id,
          attempts,
          new Date(Date.now() + delay),
          String(error),
        );
        this.logger.warn(
          `Deleting ${deletion.storageKey} failed (attempt ${attempts}), retrying in ${delay} ms`,
        );
      }
    }
    return deleted;
  }

  /**
   * Intents unused past their URL's expiry, plus as long again for an upload that started
   * just in time: the row goes, and whatever was uploaded is queued for deletion.
   */
  async sweep(now = new Date()): Promise<number> {
    const lapsed = await this.images.findLapsedIntents(
      new Date(now.getTime() - Math.min(this.uploadTtlMs, 10 * 60_000)),
      BATCH,
    );
    if (lapsed.length === 0) return 0;
    await this.db.run(async () => {
      await this.deletions.enqueue(
        lapsed.map((image) => image.storageKey),
        now,
      );
      await this.images.deleteByIds(lapsed.map((image) => image.id));
    });
    return lapsed.length;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick().finally(() => this.schedule());
    }, this.intervalMs);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    try {
      await this.sweep();
      await this.drain();
    } catch (error) {
      this.logger.warn(`Storage worker pass failed: ${String(error)}`);
    }
  }
}
