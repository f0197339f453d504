import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { StorageConfig } from '../../config/configuration';
import { ObjectStorage, PresignedUpload, StoredObject, UploadRequest } from './object-storage';
import { S3DownloadSigner } from './s3-download-signer';

/**
 * An S3 client for the app's own calls, or (with `publicEndpoint`) for signing URLs that
 * browsers use. No automatic checksums: a default client puts the empty body's CRC32 into
 * presigned PUT URLs and S3 then refuses real uploads (aws-sdk-js-v3 issue 6994).
 */
export function createS3Client(s3: StorageConfig['s3'], endpoint = s3.endpoint): S3Client {
  return new S3Client({
    region: s3.region,
    endpoint,
    forcePathStyle: s3.forcePathStyle,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    // Each of the two attempts has half the deadline, and it throws (the handler only warns
    // without throwOnRequestTimeout): a silent partition answers 503 within the deadline.
    maxAttempts: 2,
    requestHandler: {
      connectionTimeout: Math.ceil(s3.timeoutMs / 2),
      requestTimeout: Math.ceil(s3.timeoutMs / 2),
      throwOnRequestTimeout: true,
    },
  });
}

/** Uploads carry this tag until verified; a lifecycle rule expires objects still carrying it. */
export const PENDING_TAG = { key: 'freeb-upload', pending: 'pending', kept: 'kept' } as const;

const seconds = (from: Date, to: Date) =>
  Math.max(1, Math.round((to.getTime() - from.getTime()) / 1000));

function isNotFound(error: unknown): boolean {
  return (
    error instanceof S3ServiceException &&
    (error.name === 'NotFound' ||
      error.name === 'NoSuchKey' ||
      error.$metadata.httpStatusCode === 404)
  );
}

export class S3Storage extends ObjectStorage {
  readonly name = 's3';
  private readonly downloads: S3DownloadSigner;

  constructor(
    private readonly client: S3Client,
    private readonly presignClient: S3Client,
    private readonly bucket: string,
  ) {
    super();
    this.downloads = new S3DownloadSigner(presignClient, bucket);
  }

  async presignUpload(upload: UploadRequest): Promise<PresignedUpload> {
    const now = new Date();
    const url = await getSignedUrl(
      this.presignClient,
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: upload.key,
        ContentType: upload.contentType,
        ContentLength: upload.size,
        Tagging: `${PENDING_TAG.key}=${PENDING_TAG.pending}`,
      }),
      {
        expiresIn: seconds(now, upload.expiresAt),
        signingDate: now,
        signableHeaders: new Set(['content-type', 'content-length', 'x-amz-tagging']),
        // Kept as a header the browser must send, so the tag is part of the signature.
        unhoistableHeaders: new Set(['x-amz-tagging']),
      },
    );
    return {
      url,
      headers: {
        'Content-Type': upload.contentType,
        'x-amz-tagging': `${PENDING_TAG.key}=${PENDING_TAG.pending}`,
      },
    };
  }

  presignDownload(key: string, signedAt: Date, expiresAt: Date): Promise<string> {
    return this.downloads.sign(key, signedAt, seconds(signedAt, expiresAt));
  }

  async head(key: string): Promise<StoredObject | null> {
    try {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return { size: head.ContentLength ?? 0, contentType: head.ContentType };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async readStart(key: string, length: number): Promise<Buffer> {
    const object = await this.client.send(
      new GetObjectCommand({ Bucket: this.bucket, Key: key, Range: `bytes=0-${length - 1}` }),
    );
    return Buffer.from((await object.Body?.transformToByteArray()) ?? []);
  }

  async read(key: string): Promise<Buffer> {
    const object = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
    return Buffer.from((await object.Body?.transformToByteArray()) ?? []);
  }

  async put(key: string, body: Buffer, contentType: string): Promise<void> {
    await this.client.send(
      new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: body, ContentType: contentType }),
    );
  }

  async copy(from: string, to: string): Promise<void> {
    await this.client.send(
      new CopyObjectCommand({
        Bucket: this.bucket,
        Key: to,
        CopySource: `${this.bucket}/${from.split('/').map(encodeURIComponent).join('/')}`,
        TaggingDirective: 'REPLACE',
        Tagging: `${PENDING_TAG.key}=${PENDING_TAG.kept}`,
      }),
    );
  }

  async listWrittenBefore(prefix: string, before: Date, limit: number): Promise<string[]> {
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const page = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, ContinuationToken: token }),
      );
      for (const object of page.Contents ?? []) {
        if (object.Key && object.LastModified && object.LastModified < before)
          keys.push(object.Key);
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token && keys.length < limit);
    return keys.slice(0, limit);
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  async check(): Promise<void> {
    await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
  }
}
