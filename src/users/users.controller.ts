import { Body, Controller, Get, Param, Patch } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SignedIn } from '../common/http/signed-in.decorator';
import { Viewer } from '../common/http/viewer.decorator';
import { ApiProblems } from '../common/http/api-problems.decorator';
import { ProfileDto, PrivateUserDto } from './dto/user.dto';
import { UpdateProfileDto } from './dto/update-profile.dto';
import { ProfilesService } from './profiles.service';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly profiles: ProfilesService) {}

  @Patch('me')
  @SignedIn()
  @ApiOperation({ summary: 'Update your profile (names, bio, avatar)' })
  @ApiOkResponse({ type: PrivateUserDto })
  @ApiProblems(400, 401, 403, 409, 422, 503)
  updateMe(@Viewer() viewer: Viewer, @Body() dto: UpdateProfileDto): Promise<PrivateUserDto> {
    return this.profiles.updateProfile(viewer, dto);
  }

  @Get(':username')
  @ApiOperation({
    summary: "A user's public profile, with counts and, when signed in, whether you follow them",
  })
  @ApiOkResponse({ type: ProfileDto })
  @ApiProblems(404)
  getProfile(@Param('username') username: string, @Viewer() viewer?: Viewer): Promise<ProfileDto> {
    return this.profiles.getProfile(username, viewer);
  }
}
