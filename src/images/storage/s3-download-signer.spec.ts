import { GetObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { StorageConfig } from '../../config/configuration';
import { createS3Client } from './s3.storage';
import { S3DownloadSigner } from './s3-download-signer';

const places: Array<[string, Partial<StorageConfig['s3']>]> = [
  ['path style on a custom endpoint', { endpoint: 'http://127.0.0.1:9000', forcePathStyle: true }],
  ['virtual-hosted style on AWS', { forcePathStyle: false }],
  ['virtual-hosted style on a custom endpoint', { endpoint: 'https://minio.example.test' }],
];

const keys = ['users/u1/i1.png', "users/a b/x!'()*~.webp"];

describe('S3DownloadSigner', () => {
  const saved = { ...process.env };

  beforeEach(() => {
    process.env.AWS_ACCESS_KEY_ID = 'AKIDEXAMPLE';
    process.env.AWS_SECRET_ACCESS_KEY = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';
    delete process.env.AWS_SESSION_TOKEN;
  });

  afterAll(() => {
    process.env = saved;
  });

  const clientFor = (place: Partial<StorageConfig['s3']>) =>
    createS3Client({
      bucket: 'photos',
      region: 'eu-west-1',
      forcePathStyle: false,
      timeoutMs: 2000,
      ...place,
    });

  const sdkUrl = (place: Partial<StorageConfig['s3']>, key: string, at: Date) =>
    getSignedUrl(clientFor(place), new GetObjectCommand({ Bucket: 'photos', Key: key }), {
      expiresIn: 7200,
      signingDate: at,
    });

  it.each(places)('makes the URL the SDK makes, byte for byte (%s)', async (_name, place) => {
    const sut = new S3DownloadSigner(clientFor(place), 'photos');
    for (const key of keys) {
      for (const at of [new Date('2026-11-24T20:00:00Z'), new Date('2026-11-25T00:00:00Z')]) {
        expect(await sut.sign(key, at, 7200)).toBe(await sdkUrl(place, key, at));
      }
    }
  });

  it('carries temporary credentials’ session token, as the SDK does', async () => {
    process.env.AWS_SESSION_TOKEN = 'token/with+odd=chars';
    const place = places[0][1];
    const at = new Date('2026-11-24T20:00:00Z');
    const url = await new S3DownloadSigner(clientFor(place), 'photos').sign(keys[0], at, 7200);
    expect(url).toBe(await sdkUrl(place, keys[0], at));
    expect(new URL(url).searchParams.get('X-Amz-Security-Token')).toBe('token/with+odd=chars');
  });

  it('follows rotated credentials instead of reusing the day’s signing key', async () => {
    let secret = 'first secret';
    const client = clientFor(places[0][1]);
    // Temporary credentials about to expire: the SDK's provider asks again every time.
    client.config.credentials = () =>
      Promise.resolve({
        accessKeyId: 'AKIDEXAMPLE',
        secretAccessKey: secret,
        expiration: new Date(Date.now() + 1000),
      });
    const sut = new S3DownloadSigner(client, 'photos');
    const at = new Date('2026-11-24T20:00:00Z');
    const first = await sut.sign(keys[0], at, 7200);
    secret = 'second secret';
    const second = await sut.sign(keys[0], at, 7200);
    expect(second).not.toBe(first);
    process.env.AWS_SECRET_ACCESS_KEY = 'second secret';
    expect(second).toBe(await sdkUrl(places[0][1], keys[0], at));
  });
});
