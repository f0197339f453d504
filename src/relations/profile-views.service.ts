import { Injectable } from '@nestjs/common';
import type { Viewer } from '../common/http/viewer.decorator';
import type { ProfileDto } from '../users/dto/user.dto';
import { ProfilesService } from '../users/profiles.service';
import { UsersService } from '../users/users.service';
import { VisibilityPolicy } from './visibility.policy';

/** A profile as the caller sees it: 404 when the policy hides it, with their relation to it. */
@Injectable()
export class ProfileViewsService {
  constructor(
    private readonly users: UsersService,
    private readonly profiles: ProfilesService,
    private readonly visibility: VisibilityPolicy,
  ) {}

  async profile(username: string, viewer?: Viewer): Promise<ProfileDto> {
    const user = await this.users.findByUsernameOrFail(username);
    const relation = await this.visibility.assertProfile(viewer, user);
    return this.profiles.profileOf(
      user,
      viewer
        ? {
            following: relation.following,
            requested: relation.requested,
            followedBy: relation.followedBy,
            blocking: relation.blocking,
            muting: relation.muting,
          }
        : null,
    );
  }
}
