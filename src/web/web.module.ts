import { Module } from '@nestjs/common';
import { PostsModule } from '../posts/posts.module';
import { UsersModule } from '../users/users.module';
import { SocialPreviewController } from './social-preview.controller';
import { SocialPreviewService } from './social-preview.service';

/** Serving the web client's shareable pages (posts, profiles) with their social previews. */
@Module({
  imports: [PostsModule, UsersModule],
  controllers: [SocialPreviewController],
  providers: [SocialPreviewService],
})
export class WebModule {}
