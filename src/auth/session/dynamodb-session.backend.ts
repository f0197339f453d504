import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceNotFoundException,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import { Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import connectDynamoDB from 'connect-dynamodb';
import session, { type Store } from 'express-session';
import type { SessionConfig } from '../../config/configuration';
import { SessionBackend } from './session-backend';

const DynamoDBStore = connectDynamoDB(session);

/**
 * Sessions as DynamoDB items (connect-dynamodb): hash key `id`, attribute `expires` in epoch
 * seconds for DynamoDB's TTL. The store is built with `initialized: true` so an unreachable
 * DynamoDB reaches express-session's callbacks (answered 503) instead of crashing the process.
 */
export class DynamoSessionBackend extends SessionBackend implements OnModuleInit, OnModuleDestroy {
  readonly name = 'dynamodb';
  readonly store: Store;
  private readonly client: DynamoDBClient;
  private readonly logger = new Logger('Sessions');
  private retry?: NodeJS.Timeout;

  constructor(private readonly config: SessionConfig['dynamodb']) {
    super();
    this.client = new DynamoDBClient({
      region: config.region,
      endpoint: config.endpoint,
      // Each of the two attempts has half the deadline, and it throws (the handler only warns
      // without throwOnRequestTimeout): a silent partition answers 503 within the deadline.
      maxAttempts: 2,
      requestHandler: {
        connectionTimeout: Math.ceil(config.timeoutMs / 2),
        requestTimeout: Math.ceil(config.timeoutMs / 2),
        throwOnRequestTimeout: true,
      },
    });
    const store = new DynamoDBStore({
      client: this.client,
      table: config.table,
      initialized: true,
    });
    // No touch: the expiry moves forward when the session is renewed and saved, so a busy
    // client does not cost an UpdateItem on every request (see `renewal` in session-middleware.ts).
    (store as { touch?: unknown }).touch = undefined;
    this.store = store;
  }

  /**
   * With DYNAMODB_CREATE_TABLE, boot waits for one attempt at the table; when DynamoDB is not
   * up yet (docker compose starts everything at once) it keeps trying in the background.
   */
  async onModuleInit(): Promise<void> {
    if (!this.config.createTable) return;
    await this.tryEnsureTable(1000);
  }

  onModuleDestroy(): void {
    clearTimeout(this.retry);
    this.client.destroy();
  }

  private async tryEnsureTable(nextDelayMs: number): Promise<void> {
    try {
      await this.ensureTable();
    } catch (error) {
      this.logger.warn(
        `Could not make sure the sessions table exists (retrying in ${nextDelayMs} ms): ${String(error)}`,
      );
      this.retry = setTimeout(
        () => void this.tryEnsureTable(Math.min(nextDelayMs * 2, 30_000)),
        nextDelayMs,
      );
      this.retry.unref();
    }
  }

  async check(): Promise<void> {
    await this.client.send(new DescribeTableCommand({ TableName: this.config.table }));
  }

  /** DynamoDB cannot find items by user without an index; revocation by generation covers it. */
  async destroyAllOf(): Promise<void> {}

  /** Development convenience: create the table when missing and wait until it is ACTIVE. */
  private async ensureTable(): Promise<void> {
    const TableName = this.config.table;
    try {
      await this.client.send(new DescribeTableCommand({ TableName }));
      return;
    } catch (error) {
      if (!(error instanceof ResourceNotFoundException)) throw error;
    }
    await this.client.send(
      new CreateTableCommand({
        TableName,
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
    await waitUntilTableExists({ client: this.client, maxWaitTime: 30 }, { TableName });
    try {
      await this.client.send(
        new UpdateTimeToLiveCommand({
          TableName,
          TimeToLiveSpecification: { AttributeName: 'expires', Enabled: true },
        }),
      );
    } catch {
      // DynamoDB Local and dynalite do not implement TTL; in AWS it is set at provisioning.
    }
    this.logger.log(`Created DynamoDB table ${TableName}`);
  }
}
