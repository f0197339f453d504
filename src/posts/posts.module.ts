import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ImagesModule } from '../images/images.module';
import { RelationsModule } from '../relations/relations.module';
import { UsersModule } from '../users/users.module';
import { CommentsRepository } from './comments.repository';
import { CommentsService } from './comments.service';
import { Comment } from './entities/comment.entity';
import { Like } from './entities/like.entity';
import { Post } from './entities/post.entity';
import { PostMedia } from './entities/post-media.entity';
import { InteractionsController } from './interactions.controller';
import { LikesRepository } from './likes.repository';
import { LikesService } from './likes.service';
import { MetaController } from './meta.controller';
import { PostMediaRepository } from './post-media.repository';
import { PostPagesRepository } from './post-pages.repository';
import { PostPresenter } from './post-presenter';
import { PostPublisher } from './post-publisher';
import { PostReadsService } from './post-reads.service';
import { PostsController } from './posts.controller';
import { PostsRepository } from './posts.repository';
import { PostsService } from './posts.service';
import { TimelineEntry } from './timeline/timeline-entry.entity';
import { TimelineListeners } from './timeline/timeline.listeners';
import { TimelineRepository } from './timeline/timeline.repository';
import { TimelineService } from './timeline/timeline.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([Post, PostMedia, Like, Comment, TimelineEntry]),
    UsersModule,
    RelationsModule,
    ImagesModule,
  ],
  controllers: [PostsController, InteractionsController, MetaController],
  providers: [
    PostsRepository,
    PostMediaRepository,
    PostPagesRepository,
    PostPresenter,
    PostPublisher,
    PostReadsService,
    PostsService,
    LikesRepository,
    LikesService,
    CommentsRepository,
    CommentsService,
    TimelineRepository,
    TimelineService,
    TimelineListeners,
  ],
  exports: [PostsService, PostReadsService, CommentsService],
})
export class PostsModule {}
