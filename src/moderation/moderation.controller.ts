import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Viewer } from '../common/http/viewer.decorator';
import { ApiProblems } from '../common/http/api-problems.decorator';
import { RequiresRole } from '../common/http/role.guard';
import { PageQueryDto } from '../common/pagination/page';
import { AuditLogService } from './audit-log.service';
import { ModerationActionPageDto, SetRoleDto, UnsuspendDto } from './dto/moderation-action.dto';
import {
  ModerationReportDto,
  ModerationReportPageDto,
  ReportQueueQueryDto,
  ResolveReportDto,
} from './dto/report.dto';
import { ModerationService } from './moderation.service';
import { RolesService } from './roles.service';

@ApiTags('moderation')
@Controller()
export class ModerationController {
  constructor(
    private readonly moderation: ModerationService,
    private readonly audit: AuditLogService,
    private readonly roles: RolesService,
  ) {}

  @Get('moderation/reports')
  @RequiresRole('moderator')
  @ApiOperation({ summary: 'The moderation queue: open reports oldest first, or resolved ones' })
  @ApiOkResponse({ type: ModerationReportPageDto })
  @ApiProblems(400, 401, 403)
  queue(
    @Viewer() viewer: Viewer,
    @Query() query: ReportQueueQueryDto,
  ): Promise<ModerationReportPageDto> {
    return this.moderation.queue(viewer, query);
  }

  @Post('moderation/reports/:id/resolve')
  @HttpCode(200)
  @RequiresRole('moderator')
  @ApiOperation({
    summary: 'Resolve a report: dismiss it, remove the post or comment, or suspend its author',
  })
  @ApiOkResponse({ type: ModerationReportDto })
  @ApiProblems(400, 401, 403, 404, 409)
  resolve(
    @Viewer() viewer: Viewer,
    @Param('id') id: string,
    @Body() dto: ResolveReportDto,
  ): Promise<ModerationReportDto> {
    return this.moderation.resolve(viewer, id, dto);
  }

  @Post('moderation/users/:username/unsuspend')
  @HttpCode(204)
  @RequiresRole('moderator')
  @ApiOperation({ summary: 'Lift a suspension (idempotent)' })
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 403, 404)
  unsuspend(
    @Viewer() viewer: Viewer,
    @Param('username') username: string,
    @Body() dto: UnsuspendDto,
  ): Promise<void> {
    return this.moderation.unsuspend(viewer, username, dto.note);
  }

  @Get('moderation/actions')
  @RequiresRole('admin')
  @ApiOperation({ summary: 'The audit log of moderator actions, newest first (admins)' })
  @ApiOkResponse({ type: ModerationActionPageDto })
  @ApiProblems(400, 401, 403)
  actions(@Query() query: PageQueryDto): Promise<ModerationActionPageDto> {
    return this.audit.page(query);
  }

  @Put('admin/users/:username/role')
  @HttpCode(204)
  @RequiresRole('admin')
  @ApiOperation({ summary: 'Grant a role: user, moderator or admin (admins)' })
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 403, 404, 409)
  setRole(
    @Viewer() viewer: Viewer,
    @Param('username') username: string,
    @Body() dto: SetRoleDto,
  ): Promise<void> {
    return this.roles.setRole(viewer, username, dto.role);
  }
}
