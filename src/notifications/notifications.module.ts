import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PostsModule } from '../posts/posts.module';
import { RelationsModule } from '../relations/relations.module';
import { UsersModule } from '../users/users.module';
import { Notification } from './entities/notification.entity';
import { NotificationListeners } from './notification.listeners';
import { NotificationsController } from './notifications.controller';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';

/** The notification inbox, fed by domain events. */
@Module({
  imports: [TypeOrmModule.forFeature([Notification]), UsersModule, RelationsModule, PostsModule],
  controllers: [NotificationsController],
  providers: [NotificationsRepository, NotificationsService, NotificationListeners],
})
export class NotificationsModule {}
