import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../common/http/api-problems.decorator';
import { RequiresRole } from '../common/http/role.guard';
import { JobsOverviewDto } from './dto/jobs-overview.dto';
import { JobsOverview } from './jobs-overview';

@ApiTags('admin')
@Controller('admin/jobs')
export class JobsAdminController {
  constructor(private readonly overview: JobsOverview) {}

  @Get()
  @RequiresRole('admin')
  @ApiOperation({
    summary: 'The job queue: depth by type and state, the oldest due job, the latest dead jobs',
  })
  @ApiOkResponse({ type: JobsOverviewDto })
  @ApiProblems(401, 403)
  jobs(): Promise<JobsOverviewDto> {
    return this.overview.now();
  }
}
