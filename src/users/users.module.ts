import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ImagesModule } from '../images/images.module';
import { Follow } from './entities/follow.entity';
import { User } from './entities/user.entity';
import { FollowsController } from './follows.controller';
import { FollowsRepository } from './follows.repository';
import { FollowsService } from './follows.service';
import { ProfilesService } from './profiles.service';
import { UsersController } from './users.controller';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';
import { StandingRepository } from './standing.repository';
import { StandingService } from './standing.service';

@Module({
  imports: [TypeOrmModule.forFeature([User, Follow]), ImagesModule],
  controllers: [UsersController, FollowsController],
  providers: [
    UsersRepository,
    UsersService,
    ProfilesService,
    FollowsRepository,
    FollowsService,
    StandingRepository,
    StandingService,
  ],
  exports: [UsersService, ProfilesService, FollowsService, StandingService],
})
export class UsersModule {}
