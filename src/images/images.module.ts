import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppSecret } from '../config/app-secret';
import type { FreebConfig } from '../config/configuration';
import { Image } from './entities/image.entity';
import { ImagePresenter } from './image-presenter';
import { ImageUrls } from './image-urls';
import { ImagesController } from './images.controller';
import { ImagesRepository } from './images.repository';
import { ImagesService } from './images.service';
import { UploadsService } from './uploads.service';
import { LocalStorageController } from './local-storage.controller';
import { StorageJobs } from './storage-jobs';
import { LocalStorage } from './storage/local.storage';
import { LocalUrlSigner } from './storage/local-url-signer';
import { ObjectStorage } from './storage/object-storage';
import { S3Storage, createS3Client } from './storage/s3.storage';

/** The adapter STORAGE names; S3 clients are only built when S3 is the storage. */
function objectStorage(config: ConfigService<FreebConfig, true>, secret: AppSecret): ObjectStorage {
  const storage = config.get('storage', { infer: true });
  if (storage.driver === 's3') {
    const { s3 } = storage;
    return new S3Storage(
      createS3Client(s3),
      createS3Client(s3, s3.publicEndpoint ?? s3.endpoint),
      s3.bucket,
    );
  }
  return new LocalStorage(
    storage.localDir,
    new LocalUrlSigner(secret.value),
    storage.publicUrl ?? '',
  );
}

@Module({
  imports: [TypeOrmModule.forFeature([Image])],
  controllers: [ImagesController, LocalStorageController],
  providers: [
    { provide: ObjectStorage, inject: [ConfigService, AppSecret], useFactory: objectStorage },
    ImagesRepository,
    ImageUrls,
    ImagePresenter,
    ImagesService,
    UploadsService,
    StorageJobs,
  ],
  exports: [ImagesService, UploadsService, ImagePresenter, ObjectStorage],
})
export class ImagesModule {}
