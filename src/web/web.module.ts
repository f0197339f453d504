import { Module } from '@nestjs/common';
import { PostsModule } from '../posts/posts.module';
import { RelationsModule } from '../relations/relations.module';
import { SocialPreviewController } from './social-preview.controller';
import { SocialPreviewService } from './social-preview.service';

/** Serving the web client's shareable pages (posts, profiles) with their social previews. */
@Module({
  imports: [PostsModule, RelationsModule],
  controllers: [SocialPreviewController],
  providers: [SocialPreviewService],
})
export class WebModule {}
