import { DatabaseThrottlerStorage } from '../../src/common/throttling/database-throttler.storage';
import { startApp, type TestApp } from '../harness/app';
import { throttlerStorageScenarios } from '../harness/throttler-storage';

describe('Throttling counters on MariaDB (cloud e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startApp();
  });

  afterAll(async () => {
    await t.close();
  });

  throttlerStorageScenarios(() => t.app.get(DatabaseThrottlerStorage));
});
