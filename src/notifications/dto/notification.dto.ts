import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { PageOf } from '../../common/pagination/page';
import { UserSummaryDto } from '../../users/dto/user.dto';
import { NOTIFICATION_TYPES, type NotificationType } from '../entities/notification.entity';

export class NotificationPostDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  /** The post's first photo, small; null while it is processing. */
  @ApiProperty({ type: String, nullable: true, format: 'uri' })
  thumbnailUrl: string | null;
}

export class NotificationCommentDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty()
  body: string;
}

export class NotificationDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ enum: NOTIFICATION_TYPES })
  type: NotificationType;
  /** Who did it. */
  @ApiProperty({ type: UserSummaryDto })
  actor: UserSummaryDto;
  /** The post liked, commented on or mentioned in. */
  @ApiPropertyOptional({ type: NotificationPostDto })
  post?: NotificationPostDto;
  /** The comment written, or the comment that mentions you. */
  @ApiPropertyOptional({ type: NotificationCommentDto })
  comment?: NotificationCommentDto;
  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: string;
  @ApiProperty()
  read: boolean;
}

export class NotificationPageDto extends PageOf(NotificationDto) {}

export class UnreadCountDto {
  @ApiProperty({ example: 3 })
  count: number;
}

export class MarkReadDto {
  /** Mark this notification and every older one read; without it, all of them. */
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'upTo must be a notification id' })
  upTo?: string;
}
