import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ImagesModule } from '../images/images.module';
import { User } from './entities/user.entity';
import { ProfilesService } from './profiles.service';
import { UsersController } from './users.controller';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';
import { StandingRepository } from './standing.repository';
import { StandingService } from './standing.service';

@Module({
  imports: [TypeOrmModule.forFeature([User]), ImagesModule],
  controllers: [UsersController],
  providers: [UsersRepository, UsersService, ProfilesService, StandingRepository, StandingService],
  exports: [UsersService, ProfilesService, StandingService],
})
export class UsersModule {}
