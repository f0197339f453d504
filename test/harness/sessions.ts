import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import type { TestApp } from './app';
import { mode } from './app';

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
  const client = new DynamoDBClient({
    endpoint: t.env.DYNAMODB_ENDPOINT,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
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
