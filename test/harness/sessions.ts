import { DynamoDBClient, GetItemCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import type { TestApp } from './app';
import { mode } from './app';

function dynamoClient(t: TestApp): DynamoDBClient {
  return new DynamoDBClient({
    endpoint: t.env.DYNAMODB_ENDPOINT,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
}

/** How many sessions the store holds (rows, or DynamoDB items). */
export async function sessionCount(t: TestApp): Promise<number> {
  if (mode === 'embedded') {
    const [row] = (await t.dataSource.query('SELECT COUNT(*) AS n FROM sessions')) as Array<{
      n: number | string;
    }>;
    return Number(row.n);
  }
  const client = dynamoClient(t);
  try {
    const result = await client.send(
      new ScanCommand({ TableName: t.env.DYNAMODB_TABLE, Select: 'COUNT', ConsistentRead: true }),
    );
    return result.Count ?? 0;
  } finally {
    client.destroy();
  }
}

/**
 * The session as the store holds it (the database row's expiry and data, or the DynamoDB
 * item's attributes), or null when the store has none: comparing two reads tells whether
 * anything was written in between.
 */
export async function storedSession(t: TestApp, sid: string): Promise<unknown> {
  if (mode === 'embedded') {
    const rows: unknown[] = await t.dataSource.query(
      'SELECT expires_at, data FROM sessions WHERE id = ?',
      [sid],
    );
    return rows[0] ?? null;
  }
  const client = dynamoClient(t);
  try {
    const result = await client.send(
      new GetItemCommand({
        TableName: t.env.DYNAMODB_TABLE,
        Key: { id: { S: `sess:${sid}` } },
        ConsistentRead: true,
      }),
    );
    return result.Item ?? null;
  } finally {
    client.destroy();
  }
}

/** Whether the session store really holds this session id (a row, or a DynamoDB item). */
export async function sessionExists(t: TestApp, sid: string): Promise<boolean> {
  return (await storedSession(t, sid)) !== null;
}
