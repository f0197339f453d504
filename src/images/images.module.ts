import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { S3Client } from '@aws-sdk/client-s3';
import { AppSecret } from '../config/app-secret';
import type { FreebConfig } from '../config/configuration';
import { Image } from './entities/image.entity';
import { StorageDeletion } from './entities/storage-deletion.entity';
import { ImagesController } from './images.controller';
import { ImagesRepository } from './images.repository';
import { ImagesService } from './images.service';
import { LocalStorageController } from './local-storage.controller';
import { StorageDeletionsRepository } from './storage-deletions.repository';
import { StorageWorker } from './storage-worker';
import { LocalStorage } from './storage/local.storage';
import { LocalUrlSigner } from './storage/local-url-signer';
import { ObjectStorage } from './storage/object-storage';
import { S3_CLIENT, S3_PRESIGN_CLIENT, S3Storage, createS3Client } from './storage/s3.storage';

type Config = ConfigService<FreebConfig, true>;

@Module({
  imports: [TypeOrmModule.forFeature([Image, StorageDeletion])],
  controllers: [ImagesController, LocalStorageController],
  providers: [
    {
      provide: S3_CLIENT,
      inject: [ConfigService],
      useFactory: (config: Config) => createS3Client(config.get('storage', { infer: true }).s3),
    },
    {
      provide: S3_PRESIGN_CLIENT,
      inject: [ConfigService],
      useFactory: (config: Config) => {
        const { s3 } = config.get('storage', { infer: true });
        return createS3Client(s3, s3.publicEndpoint ?? s3.endpoint);
      },
    },
    {
      provide: ObjectStorage,
      inject: [ConfigService, AppSecret, S3_CLIENT, S3_PRESIGN_CLIENT],
      useFactory: (
        config: Config,
        secret: AppSecret,
        client: S3Client,
        presignClient: S3Client,
      ): ObjectStorage => {
        const storage = config.get('storage', { infer: true });
        if (storage.driver === 's3') return new S3Storage(client, presignClient, storage.s3.bucket);
        return new LocalStorage(
          storage.localDir,
          new LocalUrlSigner(secret.value),
          storage.publicUrl ?? '',
        );
      },
    },
    ImagesRepository,
    StorageDeletionsRepository,
    ImagesService,
    StorageWorker,
  ],
  exports: [ImagesService, ObjectStorage],
})
export class ImagesModule {}
