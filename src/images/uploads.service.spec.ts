import { ConfigService } from '@nestjs/config';
import { strictMock, type StrictMock } from '../../test/harness/strict-mock';
import { fixture } from '../../test/harness/storage';
import { AppError, ErrorCode } from '../common/errors/app-error';
import type { FreebConfig, StorageConfig } from '../config/configuration';
import { TransactionHost } from '../database/transaction-host';
import { Image } from './entities/image.entity';
import { ImagesRepository } from './images.repository';
import { ImagesService } from './images.service';
import { ObjectStorage } from './storage/object-storage';
import { UploadsService } from './uploads.service';

const OWNER = '0190c8e0-0000-7000-8000-000000000001';
const png = fixture('tiny.png'); // 3 x 2

const intent = (changes: Partial<Image> = {}): Image =>
  Object.assign(new Image(), {
    id: '0190c8e0-0000-7000-8000-0000000000aa',
    ownerId: OWNER,
    storageKey: `uploads/${OWNER}/0190c8e0-0000-7000-8000-0000000000aa.png`,
    contentType: 'image/png',
    sizeBytes: png.length,
    width: null,
    height: null,
    status: 'pending',
    expiresAt: new Date(Date.now() + 60_000),
    createdAt: new Date(),
    ...changes,
  });

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('UploadsService.verifyUpload', () => {
  let storage: StrictMock<ObjectStorage>;
  let imagesRepository: StrictMock<ImagesRepository>;
  let images: StrictMock<ImagesService>;
  let db: StrictMock<TransactionHost>;
  let sut: UploadsService;

  beforeEach(() => {
    const storageConfig: Partial<StorageConfig> = { maxUploadBytes: 1 << 20, maxImagePixels: 6 };
    const config = new ConfigService<FreebConfig, true>({ storage: storageConfig });
    storage = strictMock<ObjectStorage>({
      head: jest.fn(),
      readStart: jest.fn(),
      copy: jest.fn().mockResolvedValue(undefined),
    });
    imagesRepository = strictMock<ImagesRepository>({ findById: jest.fn() });
    images = strictMock<ImagesService>({
      discard: jest.fn().mockResolvedValue(undefined),
      abandon: jest.fn().mockResolvedValue(undefined),
    });
    db = strictMock<TransactionHost>({ run: jest.fn((work: () => Promise<unknown>) => work()) });
    sut = new UploadsService(config, storage, imagesRepository, images, db);
  });

  const verify = () => sut.verifyUpload(OWNER, intent().id, 'uploadId');

  const copyKey = (): string => storage.copy.mock.calls[0][1];

  it('copies the upload to a key of its own, checks the copy (size, type, dimensions) and keeps it', async () => {
    imagesRepository.findById.mockResolvedValue(intent());
    storage.head.mockResolvedValue({ size: png.length });
    storage.readStart.mockResolvedValue(png);
    const result = await verify();
    expect(storage.copy).toHaveBeenCalledWith(intent().storageKey, expect.any(String));
    expect(copyKey()).toMatch(
      new RegExp(`^users/${OWNER}/originals/${intent().id}-[0-9a-f]{8}\\.png$`),
    );
    expect(storage.head).toHaveBeenLastCalledWith(copyKey());
    expect(storage.readStart).toHaveBeenCalledWith(copyKey(), png.length);
    expect(result).toEqual({
      id: intent().id,
      width: 3,
      height: 2,
      storageKey: copyKey(),
      uploadKey: intent().storageKey,
    });
    expect(images.discard).not.toHaveBeenCalled();
  });

  it('accepts a HEIC upload announced as HEIF (one container, two names)', async () => {
    const heic = fixture('photo.heic');
    imagesRepository.findById.mockResolvedValue(
      intent({ contentType: 'image/heif', sizeBytes: heic.length, storageKey: 'uploads/o/i.heif' }),
    );
    storage.head.mockResolvedValue({ size: heic.length });
    storage.readStart.mockResolvedValue(heic);
    const capped = new UploadsService(
      new ConfigService<FreebConfig, true>({ storage: { maxImagePixels: 1_000_000 } }),
      storage,
      imagesRepository,
      images,
      db,
    );
    await expect(capped.verifyUpload(OWNER, intent().id, 'uploadId')).resolves.toEqual(
      expect.objectContaining({ width: 300, height: 200 }),
    );
  });

  describe('refuses, leaving the intent as it was,', () => {
    it('an unknown upload (404)', async () => {
      imagesRepository.findById.mockResolvedValue(null);
      expect((await errorOf(verify())).code).toBe(ErrorCode.NotFound);
    });

    it("another user's upload (403)", async () => {
      imagesRepository.findById.mockResolvedValue(intent({ ownerId: 'someone-else' }));
      expect((await errorOf(verify())).code).toBe(ErrorCode.Forbidden);
      expect(storage.head).not.toHaveBeenCalled();
    });

    it('a used upload (409)', async () => {
      imagesRepository.findById.mockResolvedValue(intent({ status: 'attached' }));
      const error = await errorOf(verify());
      expect(error.code).toBe(ErrorCode.Conflict);
      expect(error.errors).toEqual([{ field: 'uploadId', message: expect.any(String) }]);
    });

    it('an expired upload (422)', async () => {
      imagesRepository.findById.mockResolvedValue(intent({ expiresAt: new Date(Date.now() - 1) }));
      expect((await errorOf(verify())).code).toBe(ErrorCode.Unprocessable);
      expect(storage.head).not.toHaveBeenCalled();
    });

    it('an upload with nothing stored yet (422), so it stays usable', async () => {
      imagesRepository.findById.mockResolvedValue(intent());
      storage.head.mockResolvedValue(null);
      expect((await errorOf(verify())).code).toBe(ErrorCode.Unprocessable);
      expect(images.discard).not.toHaveBeenCalled();
      expect(storage.copy).not.toHaveBeenCalled();
    });
  });

  describe('answers 409 when a racing request used the upload after it was read', () => {
    it('and its object was gone before the check', async () => {
      imagesRepository.findById
        .mockResolvedValueOnce(intent())
        .mockResolvedValueOnce(intent({ status: 'attached' }));
      storage.head.mockResolvedValue(null);
      expect((await errorOf(verify())).code).toBe(ErrorCode.Conflict);
      expect(images.discard).not.toHaveBeenCalled();
    });

    it('and its object went while it was copied', async () => {
      imagesRepository.findById
        .mockResolvedValueOnce(intent())
        .mockResolvedValueOnce(intent({ status: 'attached' }));
      storage.head.mockResolvedValue({ size: 1, contentType: 'image/png' });
      storage.copy.mockRejectedValue(new Error('ENOENT: no such file'));
      const error = await errorOf(verify());
      expect(error.code).toBe(ErrorCode.Conflict);
      expect(error.errors).toEqual([{ field: 'uploadId', message: expect.any(String) }]);
      // The copy may have been made after all: its key goes to the deletion outbox.
      expect(images.abandon).toHaveBeenCalledWith([copyKey()]);
      expect(images.discard).not.toHaveBeenCalled();
    });

    it('but a storage failure on an upload still pending stays what it was', async () => {
      imagesRepository.findById.mockResolvedValue(intent());
      storage.head.mockResolvedValue({ size: 1, contentType: 'image/png' });
      const failure = new Error('storage is down');
      storage.copy.mockRejectedValue(failure);
      await expect(verify()).rejects.toBe(failure);
    });
  });

  describe('refuses with a 422 and discards the file and its intent', () => {
    beforeEach(() => imagesRepository.findById.mockResolvedValue(intent()));

    const refusal = async (): Promise<string> => {
      const error = await errorOf(verify());
      expect(error.code).toBe(ErrorCode.Unprocessable);
      expect(error.errors).toEqual([{ field: 'uploadId', message: error.message }]);
      expect(images.discard).toHaveBeenCalledWith([intent().id]);
      expect(images.abandon).toHaveBeenCalledWith([copyKey()]);
      expect(db.run).toHaveBeenCalledTimes(1);
      return error.message;
    };

    it('when the stored size differs from the announced one', async () => {
      storage.head.mockResolvedValue({ size: png.length + 1 });
      expect(await refusal()).toMatch(/bytes, not the \d+ announced/);
      expect(storage.readStart).not.toHaveBeenCalled();
    });

    it('when the magic bytes are not the announced type', async () => {
      const jpeg = fixture('tiny.jpg');
      imagesRepository.findById.mockResolvedValue(intent({ sizeBytes: jpeg.length }));
      storage.head.mockResolvedValue({ size: jpeg.length });
      storage.readStart.mockResolvedValue(jpeg);
      expect(await refusal()).toBe('The uploaded file is not a image/png image.');
    });

    it('when the dimensions cannot be read', async () => {
      const zeroWidth = Buffer.from(png);
      zeroWidth.writeUInt32BE(0, 16); // the IHDR chunk's width
      storage.head.mockResolvedValue({ size: zeroWidth.length });
      storage.readStart.mockResolvedValue(zeroWidth);
      expect(await refusal()).toBe('The image dimensions could not be read.');
    });

    it('when width x height exceeds the pixel limit', async () => {
      const gif = fixture('tiny.gif'); // 5 x 4 = 20 pixels > 6
      imagesRepository.findById.mockResolvedValue(
        intent({ contentType: 'image/gif', sizeBytes: gif.length }),
      );
      storage.head.mockResolvedValue({ size: gif.length });
      storage.readStart.mockResolvedValue(gif);
      expect(await refusal()).toBe('The image has more than 6 pixels.');
    });
  });
});
