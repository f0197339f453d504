import { type KeyObject, createHash, createHmac, createSecretKey } from 'node:crypto';
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';

/** Where the bucket's objects live, as the SDK resolves it (path or virtual-hosted style). */
interface BucketLocation {
  /** Origin and path prefix of every object URL (`http://host:port/bucket` or `https://bucket.host`). */
  base: string;
  /** The canonical URI's prefix: `/bucket` in path style, empty otherwise. */
  basePath: string;
  host: string;
  region: string;
}

interface SigningKey {
  scope: string;
  accessKeyId: string;
  secretAccessKey: string;
  key: KeyObject;
}

const PROBE_KEY = 'freeb-probe';

/** RFC 3986 encoding as SigV4 wants it (encodeURIComponent leaves !'()* alone). */
const uriEscape = (value: string) =>
  encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );

const hmac = (key: KeyObject | string | Buffer, data: string) =>
  createHmac('sha256', key).update(data).digest();

/**
 * SigV4 query signing for GetObject, the URL getSignedUrl makes byte for byte (a unit test holds
 * them equal) without the SDK's middleware stack per URL: the bucket's location is resolved by
 * the SDK once, and the signing key (four chained HMACs) is derived once per day and kept as a
 * KeyObject. Credentials are asked of the client's provider each time, so rotation still works.
 */
export class S3DownloadSigner {
  private location?: Promise<BucketLocation>;
  private signingKey?: SigningKey;

  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
  ) {}

  async sign(key: string, signedAt: Date, expiresInSeconds: number): Promise<string> {
    const [{ base, basePath, host, region }, credentials] = await Promise.all([
      this.locate(),
      this.client.config.credentials(),
    ]);
    const longDate = signedAt.toISOString().replace(/[-:]|\.\d{3}/g, '');
    const scope = `${longDate.slice(0, 8)}/${region}/s3/aws4_request`;
    const path = `/${key.split('/').map(uriEscape).join('/')}`;
    const before = [
      `X-Amz-Algorithm=AWS4-HMAC-SHA256`,
      `X-Amz-Content-Sha256=UNSIGNED-PAYLOAD`,
      `X-Amz-Credential=${uriEscape(`${credentials.accessKeyId}/${scope}`)}`,
      `X-Amz-Date=${longDate}`,
      `X-Amz-Expires=${expiresInSeconds}`,
      ...(credentials.sessionToken
        ? [`X-Amz-Security-Token=${uriEscape(credentials.sessionToken)}`]
        : []),
    ].join('&');
    const after = `X-Amz-SignedHeaders=host&x-id=GetObject`;
    const canonicalRequest = [
      'GET',
      `${basePath}${path}`,
      `${before}&${after}`,
      `host:${host}`,
      '',
      'host',
      'UNSIGNED-PAYLOAD',
    ].join('\n');
    const stringToSign = [
      'AWS4-HMAC-SHA256',
      longDate,
      scope,
      createHash('sha256').update(canonicalRequest).digest('hex'),
    ].join('\n');
    const signature = createHmac('sha256', this.keyFor(scope, credentials))
      .update(stringToSign)
      .digest('hex');
    return `${base}${path}?${before}&X-Amz-Signature=${signature}&${after}`;
  }

  private keyFor(
    scope: string,
    credentials: { accessKeyId: string; secretAccessKey: string },
  ): KeyObject {
    const cached = this.signingKey;
    if (
      cached?.scope === scope &&
      cached.accessKeyId === credentials.accessKeyId &&
      cached.secretAccessKey === credentials.secretAccessKey
    ) {
      return cached.key;
    }
    const [day, region, service, terminator] = scope.split('/');
    const derived = [region, service, terminator].reduce(
      (key, part) => hmac(key, part),
      hmac(`AWS4${credentials.secretAccessKey}`, day),
    );
    const key = createSecretKey(derived);
    this.signingKey = { scope, ...credentials, key };
    return key;
  }

  /** Asks the SDK once where an object of the bucket lives, and keeps its URL's prefix. */
  private locate(): Promise<BucketLocation> {
    this.location ??= getSignedUrl(
      this.client,
      new GetObjectCommand({ Bucket: this.bucket, Key: PROBE_KEY }),
    ).then((signed) => {
      const url = new URL(signed);
      const basePath = url.pathname.slice(0, -`/${PROBE_KEY}`.length);
      const credential = url.searchParams.get('X-Amz-Credential') ?? '';
      return {
        base: `${url.origin}${basePath}`,
        basePath,
        host: url.host,
        region: credential.split('/')[2],
      };
    });
    this.location.catch(() => (this.location = undefined));
    return this.location;
  }
}
