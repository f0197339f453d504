import { Body, Controller, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../common/http/api-problems.decorator';
import { SignedIn } from '../common/http/signed-in.decorator';
import { Viewer } from '../common/http/viewer.decorator';
import { RateLimited } from '../common/throttling/rate-limited.decorator';
import { CreateUploadDto } from './dto/create-upload.dto';
import { UploadDto } from './dto/upload.dto';
import { UploadsService } from './uploads.service';

@ApiTags('images')
@Controller('images')
export class ImagesController {
  constructor(private readonly uploads: UploadsService) {}

  @Post('uploads')
  @SignedIn()
  @RateLimited('uploads')
  @ApiOperation({
    summary: 'Ask for an upload URL',
    description:
      'Then PUT the bytes to `url` with `headers` (the exact Content-Type and Content-Length announced) before ' +
      '`expiresAt`, and pass `uploadId` to POST /api/posts or PATCH /api/users/me (avatarUploadId).',
  })
  @ApiCreatedResponse({ type: UploadDto })
  @ApiProblems(400, 401, 403, 429, 503)
  createUpload(@Viewer() viewer: Viewer, @Body() dto: CreateUploadDto): Promise<UploadDto> {
    return this.uploads.createUpload(viewer.id, dto);
  }
}
