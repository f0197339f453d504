import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PostsModule } from '../posts/posts.module';
import { RelationsModule } from '../relations/relations.module';
import { UsersModule } from '../users/users.module';
import { DiscoveryListeners } from './discovery.listeners';
import { DiscoveryController } from './discovery.controller';
import { ExploreEntry } from './entities/explore-entry.entity';
import { Mention } from './entities/mention.entity';
import { PostTag } from './entities/post-tag.entity';
import { Tag } from './entities/tag.entity';
import { ExploreJob } from './explore.job';
import { ExploreRepository } from './explore.repository';
import { ExploreService } from './explore.service';
import { MentionsRepository } from './mentions.repository';
import { MentionsService } from './mentions.service';
import { SearchService } from './search.service';
import { SuggestionsService } from './suggestions.service';
import { TagsRepository } from './tags.repository';
import { TagsService } from './tags.service';

/** Hashtags, mentions, search, explore and suggestions. */
@Module({
  imports: [
    TypeOrmModule.forFeature([Tag, PostTag, Mention, ExploreEntry]),
    UsersModule,
    RelationsModule,
    PostsModule,
  ],
  controllers: [DiscoveryController],
  providers: [
    TagsRepository,
    TagsService,
    MentionsRepository,
    MentionsService,
    SearchService,
    ExploreRepository,
    ExploreService,
    SuggestionsService,
    DiscoveryListeners,
    ExploreJob,
  ],
  exports: [MentionsService],
})
export class DiscoveryModule {}
