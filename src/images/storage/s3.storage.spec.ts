import { Hash } from '@smithy/hash-node';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { S3Storage, createS3Client } from './s3.storage';

const credentials = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
};

/** Re-signs the URL's request with the SDK's own SigV4 signer, for the given header values. */
async function resign(
  url: URL,
  headers: { contentType: string; contentLength: number },
): Promise<string> {
  const signer = new SignatureV4({
    credentials,
    region: 'eu-west-1',
    service: 's3',
    sha256: Hash.bind(null, 'sha256'),
    uriEscapePath: false,
  });
  // Everything but what presigning itself adds; the S3 presigner signs an unsigned payload,
  // given as a header that presigning hoists into the query.
  const added = [
    'X-Amz-Algorithm',
    'X-Amz-Content-Sha256',
    'X-Amz-Credential',
    'X-Amz-Date',
    'X-Amz-Expires',
    'X-Amz-SignedHeaders',
    'X-Amz-Signature',
  ];
  const query = Object.fromEntries([...url.searchParams].filter(([name]) => !added.includes(name)));
  const request = new HttpRequest({
    method: 'PUT',
    protocol: url.protocol,
    hostname: url.hostname,
    port: url.port ? Number(url.port) : undefined,
    path: decodeURIComponent(url.pathname),
    query,
    headers: {
      host: url.host,
      'x-amz-tagging': 'freeb-upload=pending',
      'content-type': headers.contentType,
      'content-length': String(headers.contentLength),
      'X-Amz-Content-Sha256': 'UNSIGNED-PAYLOAD',
    },
  });
  const date = url.searchParams.get('X-Amz-Date')!;
  const signingDate = new Date(
    `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}T${date.slice(9, 11)}:${date.slice(11, 13)}:${date.slice(13, 15)}Z`,
  );
  const signed = await signer.presign(request, {
    signingDate,
    expiresIn: Number(url.searchParams.get('X-Amz-Expires')),
    signableHeaders: new Set(['content-type', 'content-length', 'x-amz-tagging']),
    unhoistableHeaders: new Set(['x-amz-tagging']),
  });
  return signed.query?.['X-Amz-Signature'] as string;
}

describe('S3Storage presigned uploads', () => {
  const saved = { ...process.env };
  let sut: S3Storage;

  beforeAll(() => {
    process.env.AWS_ACCESS_KEY_ID = credentials.accessKeyId;
    process.env.AWS_SECRET_ACCESS_KEY = credentials.secretAccessKey;
    const client = createS3Client({
      bucket: 'photos',
      region: 'eu-west-1',
      endpoint: 'https://s3.example.test',
      forcePathStyle: true,
      timeoutMs: 2000,
    });
    sut = new S3Storage(client, client, 'photos');
  });

  afterAll(() => {
    process.env = saved;
  });

  const presign = async () =>
    new URL(
      (
        await sut.presignUpload({
          key: 'users/u1/i1.png',
          contentType: 'image/png',
          size: 1234,
          expiresAt: new Date(Date.now() + 600_000),
        })
      ).url,
    );

  it('signs the Content-Type, the Content-Length and the pending tag with the host', async () => {
    const url = await presign();
    expect(url.pathname).toBe('/photos/users/u1/i1.png');
    expect(url.searchParams.get('X-Amz-SignedHeaders')).toBe(
      'content-length;content-type;host;x-amz-tagging',
    );
    expect(url.searchParams.has('x-amz-tagging')).toBe(false);
    expect(url.searchParams.get('X-Amz-Expires')).toBe('600');
  });

  it('carries no checksum of an empty body (aws-sdk-js-v3 issue 6994)', async () => {
    const url = await presign();
    expect(
      [...url.searchParams.keys()].filter((name) => name.toLowerCase().includes('checksum')),
    ).toEqual([]);
  });

  it('verifies with the SDK’s SigV4 signer, and only for the announced type and length', async () => {
    const url = await presign();
    const signature = url.searchParams.get('X-Amz-Signature');
    expect(await resign(url, { contentType: 'image/png', contentLength: 1234 })).toBe(signature);
    expect(await resign(url, { contentType: 'text/html', contentLength: 1234 })).not.toBe(
      signature,
    );
    expect(await resign(url, { contentType: 'image/png', contentLength: 1235 })).not.toBe(
      signature,
    );
  });

  it('signs download URLs from a fixed time, so one image keeps one URL for a while', async () => {
    const signedAt = new Date('2026-11-24T20:00:00Z');
    const expiresAt = new Date('2026-11-24T22:00:00Z');
    const first = await sut.presignDownload('users/u1/i1.png', signedAt, expiresAt);
    const second = await sut.presignDownload('users/u1/i1.png', signedAt, expiresAt);
    expect(second).toBe(first);
    expect(new URL(first).searchParams.get('X-Amz-Expires')).toBe('7200');
  });
});
