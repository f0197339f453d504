import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SignedIn } from '../common/http/signed-in.decorator';
import { Viewer } from '../common/http/viewer.decorator';
import { ApiProblems } from '../common/http/api-problems.decorator';
import { PageQueryDto } from '../common/pagination/page';
import { MarkReadDto, NotificationPageDto, UnreadCountDto } from './dto/notification.dto';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@Controller('notifications')
@SignedIn()
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOperation({ summary: 'Your notifications, newest first' })
  @ApiOkResponse({ type: NotificationPageDto })
  @ApiProblems(400, 401)
  list(@Viewer() viewer: Viewer, @Query() query: PageQueryDto): Promise<NotificationPageDto> {
    return this.notifications.page(viewer, query);
  }

  @Get('unread-count')
  @ApiOperation({ summary: 'How many notifications you have not read' })
  @ApiOkResponse({ type: UnreadCountDto })
  @ApiProblems(401)
  unreadCount(@Viewer() viewer: Viewer): Promise<UnreadCountDto> {
    return this.notifications.unreadCount(viewer);
  }

  @Post('read')
  @HttpCode(204)
  @ApiOperation({ summary: 'Mark every notification read, or those up to and including `upTo`' })
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 403, 404)
  markRead(@Viewer() viewer: Viewer, @Body() dto: MarkReadDto): Promise<void> {
    return this.notifications.markRead(viewer, dto);
  }
}
