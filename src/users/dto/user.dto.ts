import { ApiProperty } from '@nestjs/swagger';
import { PageOf } from '../../common/pagination/page';
import { ROLES, type Role } from '../../common/roles';
import type { User } from '../entities/user.entity';

/** What anyone may see of a user in lists, posts and comments. */
export class UserSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ example: 'ada.l' })
  username: string;
  @ApiProperty({ type: String, nullable: true, example: 'Ada' })
  firstName: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Lovelace' })
  lastName: string | null;
  /** Absent until the user sets an avatar. */
  @ApiProperty({ type: String, nullable: true, format: 'uri' })
  avatarUrl: string | null;

  static from(user: User, avatarUrl: string | null): UserSummaryDto {
    return {
      id: user.id,
      username: user.username,
      firstName: user.firstName,
      lastName: user.lastName,
      avatarUrl,
    };
  }
}

/** A page of user summaries (followers, following, liked by). */
export class UserSummaryPageDto extends PageOf(UserSummaryDto) {}

export class ProfileCountsDto {
  @ApiProperty()
  posts: number;
  @ApiProperty()
  followers: number;
  @ApiProperty()
  following: number;
}

export class ProfileViewerDto {
  /** Whether the signed-in caller follows this user. */
  @ApiProperty()
  following: boolean;
  /** Whether the caller's request to follow this private account is pending. */
  @ApiProperty()
  requested: boolean;
  /** Whether this user follows the caller. */
  @ApiProperty()
  followedBy: boolean;
  /** Whether the caller blocks this user (their posts are then not shown). */
  @ApiProperty()
  blocking: boolean;
  /** Whether the caller mutes this user. */
  @ApiProperty()
  muting: boolean;
}

/** A public profile. */
export class ProfileDto extends UserSummaryDto {
  @ApiProperty({ type: String, nullable: true })
  bio: string | null;
  /** A private account's posts and follow lists are for its approved followers only. */
  @ApiProperty()
  private: boolean;
  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: string;
  @ApiProperty({ type: ProfileCountsDto })
  counts: ProfileCountsDto;
  /** The caller's relation to this user; null when nobody is signed in. */
  @ApiProperty({ type: ProfileViewerDto, nullable: true })
  viewer: ProfileViewerDto | null;

  static fromUser(
    user: User,
    avatarUrl: string | null,
    viewer: ProfileViewerDto | null = null,
  ): ProfileDto {
    return {
      ...UserSummaryDto.from(user, avatarUrl),
      bio: user.bio,
      private: user.private,
      createdAt: user.createdAt.toISOString(),
      counts: {
        posts: user.postsCount,
        followers: user.followersCount,
        following: user.followingCount,
      },
      viewer,
    };
  }
}

/** The signed-in user's own account, the only shape that carries an email. */
export class PrivateUserDto extends ProfileDto {
  @ApiProperty({ format: 'email' })
  email: string;
  @ApiProperty({ enum: ROLES })
  role: Role;

  static fromUser(user: User, avatarUrl: string | null): PrivateUserDto {
    return { ...ProfileDto.fromUser(user, avatarUrl), email: user.email, role: user.role };
  }
}
