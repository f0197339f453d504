import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import type { TestApp } from './app';
import { mode } from './app';

/** Whether the session store really holds this session id (a row, or a DynamoDB item). */
export async function sessionExists(t: TestApp, sid: string): Promise<boolean> {
  if (mode === 'embedded') {
    const rows: unknown[] = await t.dataSource.query('SELECT id FROM sessions WHERE id = ?', [sid]);
    return rows.length === 1;
  }
  const client = new DynamoDBClient({
    endpoint: t.env.DYNAMODB_ENDPOINT,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  try {
    const result = await client.send(
      new GetItemCommand({ TableName: t.env.DYNAMODB_TABLE, Key: { id: { S: `sess:${sid}` } } }),
    );
    return result.Item !== undefined;
  } finally {
    client.destroy();
  }
}
