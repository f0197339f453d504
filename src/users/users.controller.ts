import { Body, Controller, Patch } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SignedIn } from '../common/http/signed-in.decorator';
import { Viewer } from '../common/http/viewer.decorator';
import { ApiProblems } from '../common/http/api-problems.decorator';
import { PrivateUserDto } from './dto/user.dto';
import { UpdateProfileDto } from './dto/update-profile.dto';
import { ProfilesService } from './profiles.service';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly profiles: ProfilesService) {}

  @Patch('me')
  @SignedIn()
  @ApiOperation({
    summary: 'Update your profile (names, bio, avatar, private)',
    description:
      'Switching `private` off accepts every pending follow request. A private account’s posts and follow lists are for its approved followers.',
  })
  @ApiOkResponse({ type: PrivateUserDto })
  @ApiProblems(400, 401, 403, 409, 422, 503)
  updateMe(@Viewer() viewer: Viewer, @Body() dto: UpdateProfileDto): Promise<PrivateUserDto> {
    return this.profiles.updateProfile(viewer, dto);
  }
}
