import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Viewer } from '../common/http/viewer.decorator';
import { ApiProblems } from '../common/http/api-problems.decorator';
import { ProfileDto } from '../users/dto/user.dto';
import { ProfileViewsService } from './profile-views.service';

@ApiTags('users')
@Controller('users')
export class ProfilesController {
  constructor(private readonly profiles: ProfileViewsService) {}

  @Get(':username')
  @ApiOperation({
    // Kept from when users served it, so the generated client keeps its name.
    operationId: 'UsersController_getProfile',
    summary: "A user's profile, with counts and, when signed in, your relation to them",
    description:
      '404 for a suspended account (but to moderators) and for someone who blocks you; a private account’s profile stays visible.',
  })
  @ApiOkResponse({ type: ProfileDto })
  @ApiProblems(404)
  getProfile(@Param('username') username: string, @Viewer() viewer?: Viewer): Promise<ProfileDto> {
    return this.profiles.profile(username, viewer);
  }
}
