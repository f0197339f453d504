import { Body, Controller, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { SignedIn } from '../common/http/signed-in.decorator';
import { Viewer } from '../common/http/viewer.decorator';
import { ApiProblems } from '../common/http/api-problems.decorator';
import { RateLimited } from '../common/throttling/rate-limited.decorator';
import { CreateReportDto, ReportDto } from './dto/report.dto';
import { ReportsService } from './reports.service';

@ApiTags('moderation')
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Post()
  @SignedIn()
  @RateLimited('reports')
  @ApiOperation({
    summary: 'Report a post, a comment or a user to the moderators',
    description:
      'Reporting the same subject again while your report is open answers 200 with that report.',
  })
  @ApiCreatedResponse({ type: ReportDto, description: 'Reported' })
  @ApiOkResponse({ type: ReportDto, description: 'Your open report of this subject' })
  @ApiProblems(400, 401, 403, 404, 429)
  async create(
    @Viewer() viewer: Viewer,
    @Body() dto: CreateReportDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ReportDto> {
    const { created, report } = await this.reports.create(viewer, dto);
    res.status(created ? 201 : 200);
    return report;
  }
}
