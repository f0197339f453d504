/** What the storage says of an object: its size and the type it was stored with. */
export interface StoredObject {
  size: number;
  contentType?: string;
}

/** A URL the browser PUTs the bytes to, with the headers it must send as they were signed. */
export interface PresignedUpload {
  url: string;
  headers: Record<string, string>;
}

export interface UploadRequest {
  key: string;
  contentType: string;
  size: number;
  expiresAt: Date;
}

/**
 * The object-storage port. Two adapters: S3 (cloud) and local files served by the app
 * (embedded default), chosen by STORAGE. Both bind the key, Content-Type and Content-Length
 * into the upload URL's signature, and pass one contract suite (test/storage-contract.e2e-spec.ts).
 */
export abstract class ObjectStorage {
  abstract readonly name: string;

  /** A URL that accepts exactly this object (key, type, length) until `expiresAt`. */
  abstract presignUpload(upload: UploadRequest): Promise<PresignedUpload>;

  /**
   * A URL to read the object from `signedAt` until `expiresAt`. The same arguments give the
   * same URL, so callers that sign per time window (ImageUrls) can keep it.
   */
  abstract presignDownload(key: string, signedAt: Date, expiresAt: Date): Promise<string>;

  /** The object's size and type, or null when there is none (HeadObject). */
  abstract head(key: string): Promise<StoredObject | null>;

  /** The first `length` bytes (fewer when the object is shorter). */
  abstract readStart(key: string, length: number): Promise<Buffer>;

  /** The whole object. */
  abstract read(key: string): Promise<Buffer>;

  /** Writes an object the app made (a variant). */
  abstract put(key: string, body: Buffer, contentType: string): Promise<void>;

  /**
   * Copies an object inside the storage (S3 CopyObject), leaving upload tags behind: a verified
   * upload moves to a key no upload URL was ever issued for.
   */
  abstract copy(from: string, to: string): Promise<void>;

  /** Up to `limit` keys under `prefix` last written before `before`. */
  abstract listWrittenBefore(prefix: string, before: Date, limit: number): Promise<string[]>;

  /** Removes the object; removing a missing object succeeds. */
  abstract delete(key: string): Promise<void>;

  /** Resolves when the storage answers (readiness). */
  abstract check(): Promise<void>;
}
