import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PostsModule } from '../posts/posts.module';
import { UsersModule } from '../users/users.module';
import { AuditLogService } from './audit-log.service';
import { ModerationAction } from './entities/moderation-action.entity';
import { Report } from './entities/report.entity';
import { ModerationActionsRepository } from './moderation-actions.repository';
import { ModerationController } from './moderation.controller';
import { ModerationService } from './moderation.service';
import { ReportSubjects } from './report-subjects';
import { ReportsController } from './reports.controller';
import { ReportsRepository } from './reports.repository';
import { ReportsService } from './reports.service';
import { RolesService } from './roles.service';

/** Reports, the moderation queue, roles and the audit log. */
@Module({
  imports: [TypeOrmModule.forFeature([Report, ModerationAction]), UsersModule, PostsModule],
  controllers: [ReportsController, ModerationController],
  providers: [
    ReportsRepository,
    ModerationActionsRepository,
    AuditLogService,
    ReportSubjects,
    ReportsService,
    ModerationService,
    RolesService,
  ],
})
export class ModerationModule {}
