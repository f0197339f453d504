import { type KeyObject, createHmac, createSecretKey, timingSafeEqual } from 'node:crypto';

/**
 * HMAC-SHA256 signatures for the local adapter's URLs. Like S3's SigV4 they bind the method,
 * the key, the expiry and, for uploads, the Content-Type and Content-Length the client must send.
 */
export class LocalUrlSigner {
  private readonly key: KeyObject;

  constructor(secret: string) {
    // A key of its own, derived from the app secret, so a signature is useless anywhere else;
    // made a KeyObject once: on Node 24 an HMAC with a Buffer key costs ~6× more per call.
    this.key = createSecretKey(
      createHmac('sha256', secret).update('freeb local object storage v1').digest(),
    );
  }

  sign(parts: Array<string | number>): string {
    return createHmac('sha256', this.key).update(parts.join('\n')).digest('base64url');
  }

  verify(parts: Array<string | number>, signature: string): boolean {
    const expected = Buffer.from(this.sign(parts));
    const given = Buffer.from(signature);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }
}
