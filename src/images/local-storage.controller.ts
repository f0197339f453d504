import { Controller, Get, HttpCode, Param, Put, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { Type } from 'class-transformer';
import { IsInt, IsString, MaxLength } from 'class-validator';
import type { Request, Response } from 'express';
import { createReadStream } from 'node:fs';
import { AppError, ErrorCode, notFound } from '../common/errors/app-error';
import { NoCrossOriginCheck } from '../common/http/cross-origin.guard';
import { contentTypeOfKey } from './content-types';
import { LOCAL_STORAGE_ROUTE, LocalStorage } from './storage/local.storage';
import { ObjectStorage } from './storage/object-storage';
import { UploadsService } from './uploads.service';

class SignedUrlQuery {
  @Type(() => Number)
  @IsInt()
  expires: number;

  @IsString()
  @MaxLength(100)
  signature: string;
}

const REFUSALS = {
  'bad-signature': 'The URL signature does not match this request.',
  expired: 'The URL has expired.',
  used: 'This upload URL has already been used.',
} as const;

/**
 * The local adapter's stand-in for S3's endpoints: PUT and GET on signed URLs. Not part of
 * the documented API (clients only follow URLs the API gave them); 404 when STORAGE=s3.
 */
@ApiExcludeController()
@SkipThrottle()
@NoCrossOriginCheck()
@Controller(LOCAL_STORAGE_ROUTE)
export class LocalStorageController {
  constructor(
    private readonly storage: ObjectStorage,
    private readonly uploads: UploadsService,
  ) {}

  @Put('*key')
  @HttpCode(200)
  async upload(
    @Param('key') path: string[],
    @Query() query: SignedUrlQuery,
    @Req() req: Request,
  ): Promise<void> {
    const { storage, key } = this.resolve(path);
    const length =
      req.headers['content-length'] === undefined
        ? undefined
        : Number(req.headers['content-length']);
    const refusal = storage.checkUpload(key, req.headers['content-type'] ?? '', length, query);
    if (refusal === 'length-required') {
      throw new AppError(
        ErrorCode.Validation,
        'Send the exact Content-Length the upload was signed for.',
      );
    }
    if (refusal) throw new AppError(ErrorCode.Forbidden, REFUSALS[refusal]);
    // A URL is good for one upload: once its intent is used or refused, nothing more is taken.
    if (!(await this.uploads.acceptsUpload(key))) {
      throw new AppError(ErrorCode.Forbidden, REFUSALS.used);
    }
    if (!(await storage.write(key, req, length!))) {
      throw new AppError(ErrorCode.Validation, 'The body is shorter than its Content-Length.');
    }
  }

  @Get('*key')
  async download(
    @Param('key') path: string[],
    @Query() query: SignedUrlQuery,
    @Res() res: Response,
  ): Promise<void> {
    const { storage, key } = this.resolve(path);
    const refusal = storage.checkDownload(key, query);
    if (refusal) throw new AppError(ErrorCode.Forbidden, REFUSALS[refusal]);
    const object = await storage.head(key);
    const contentType = contentTypeOfKey(key);
    if (!object || !contentType) throw notFound('Object');
    res.set({
      'Content-Type': contentType,
      'Content-Length': String(object.size),
      'Cache-Control': `private, max-age=${Math.max(0, query.expires - Math.floor(Date.now() / 1000))}, immutable`,
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Cross-Origin-Resource-Policy': 'cross-origin',
    });
    createReadStream(storage.pathOf(key)).pipe(res);
  }

  private resolve(path: string[]): { storage: LocalStorage; key: string } {
    const key = path.join('/');
    if (!(this.storage instanceof LocalStorage) || !LocalStorage.isValidKey(key))
      throw notFound('Object');
    return { storage: this.storage, key };
  }
}
