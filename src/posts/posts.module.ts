import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ImagesModule } from '../images/images.module';
import { UsersModule } from '../users/users.module';
import { Post } from './entities/post.entity';
import { MetaController } from './meta.controller';
import { PostsController } from './posts.controller';
import { PostsRepository } from './posts.repository';
import { PostsService } from './posts.service';

@Module({
  imports: [TypeOrmModule.forFeature([Post]), UsersModule, ImagesModule],
  controllers: [PostsController, MetaController],
  providers: [PostsRepository, PostsService],
  exports: [PostsService],
})
export class PostsModule {}
