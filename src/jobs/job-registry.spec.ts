import { Injectable } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { MethodDiscovery } from '../common/discovery/method-discovery';
import type { JobContext, JobPayloads } from './job-payloads';
import { JobRegistry } from './job-registry';
import { OnJob } from './on-job.decorator';

@Injectable()
class Deleter {
  readonly deleted: string[] = [];

  @OnJob('storage.delete')
  async deleteObject({ key }: JobPayloads['storage.delete'], context: JobContext): Promise<void> {
    this.deleted.push(`${key}#${context.attempt}`);
  }
}

@Injectable()
class SecondDeleter {
  @OnJob('storage.delete')
  async deleteAgain(): Promise<void> {}
}

async function registryWith(...providers: Array<new (...args: never[]) => object>) {
  const moduleRef = await Test.createTestingModule({
    imports: [DiscoveryModule],
    providers: [MethodDiscovery, JobRegistry, ...providers],
  }).compile();
  await moduleRef.init();
  return moduleRef;
}

describe('JobRegistry', () => {
  it('maps each decorated method to its job type at bootstrap, bound to its provider', async () => {
    const moduleRef = await registryWith(Deleter);
    const sut = moduleRef.get(JobRegistry);
    expect(sut.types()).toEqual(['storage.delete']);
    const handler = sut.handlerFor('storage.delete');
    await handler?.(
      { key: 'users/u/a.png' },
      { jobId: 'j1', attempt: 2, signal: new AbortController().signal },
    );
    expect(moduleRef.get(Deleter).deleted).toEqual(['users/u/a.png#2']);
    expect(sut.handlerFor('uploads.sweep')).toBeUndefined();
  });

  it('refuses to start with two handlers for one type, naming both', async () => {
    await expect(registryWith(Deleter, SecondDeleter)).rejects.toThrow(
      'Job type storage.delete has two handlers: Deleter.deleteObject and SecondDeleter.deleteAgain',
    );
  });

  it('knows which types recur and how often', async () => {
    const sut = (await registryWith()).get(JobRegistry);
    sut.recurEvery('uploads.sweep', 60_000, {});
    expect(sut.intervalOf('uploads.sweep')).toBe(60_000);
    expect(sut.recurring()).toEqual([['uploads.sweep', { intervalMs: 60_000, payload: {} }]]);
    expect(sut.intervalOf('storage.delete')).toBeUndefined();
  });
});
