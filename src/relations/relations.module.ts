import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UsersModule } from '../users/users.module';
import { BlocksRepository } from './blocks.repository';
import { BlocksService } from './blocks.service';
import { Block } from './entities/block.entity';
import { Follow } from './entities/follow.entity';
import { FollowRequest } from './entities/follow-request.entity';
import { Mute } from './entities/mute.entity';
import { FollowRequestsController } from './follow-requests.controller';
import { FollowRequestsRepository } from './follow-requests.repository';
import { FollowRequestsService } from './follow-requests.service';
import { FollowsController } from './follows.controller';
import { FollowsRepository } from './follows.repository';
import { FollowsService } from './follows.service';
import { MutesRepository } from './mutes.repository';
import { MutesService } from './mutes.service';
import { PeopleLists } from './people-lists';
import { ProfileViewsService } from './profile-views.service';
import { ProfilesController } from './profiles.controller';
import { RelationsController } from './relations.controller';
import { RelationsListeners } from './relations.listeners';
import { VisibilityPolicy } from './visibility.policy';
import { VisibilityRepository } from './visibility.repository';

/** Follows, follow requests, blocks, mutes, and the one visibility policy every read asks. */
@Module({
  imports: [TypeOrmModule.forFeature([Follow, FollowRequest, Block, Mute]), UsersModule],
  controllers: [
    RelationsController,
    FollowRequestsController,
    FollowsController,
    ProfilesController,
  ],
  providers: [
    VisibilityRepository,
    VisibilityPolicy,
    FollowsRepository,
    FollowsService,
    FollowRequestsRepository,
    FollowRequestsService,
    BlocksRepository,
    BlocksService,
    MutesRepository,
    MutesService,
    PeopleLists,
    ProfileViewsService,
    RelationsListeners,
  ],
  exports: [VisibilityPolicy, FollowsService, ProfileViewsService],
})
export class RelationsModule {}
