import { ApiProperty } from '@nestjs/swagger';
import { ImageDto } from '../../images/dto/upload.dto';
import { PageOf } from '../../common/pagination/page';
import { UserSummaryDto } from '../../users/dto/user.dto';

export class PostImageDto extends ImageDto {
  @ApiProperty({ type: String, nullable: true })
  altText: string | null;
}

export class PostViewerDto {
  /** Whether the signed-in caller likes this post. */
  @ApiProperty()
  liked: boolean;
}

export class PostDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ type: UserSummaryDto })
  author: UserSummaryDto;
  @ApiProperty({ type: PostImageDto })
  image: PostImageDto;
  @ApiProperty({ type: String, nullable: true })
  caption: string | null;
  /** The caption's hashtags: lower-case names without `#`. */
  @ApiProperty({ type: String, isArray: true, example: ['paris'] })
  tags: string[];
  /** Usernames mentioned in the caption that belong to existing users. */
  @ApiProperty({ type: String, isArray: true, example: ['ada.l'] })
  mentions: string[];
  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: string;
  @ApiProperty()
  likeCount: number;
  @ApiProperty()
  commentCount: number;
  /** The caller's relation to this post; null when nobody is signed in. */
  @ApiProperty({ type: PostViewerDto, nullable: true })
  viewer: PostViewerDto | null;
}

export class PostPageDto extends PageOf(PostDto) {}
