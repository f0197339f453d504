import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PhotoDto } from '../../images/dto/photo.dto';
import { PageOf } from '../../common/pagination/page';
import { UserSummaryDto } from '../../users/dto/user.dto';

export class PostPhotoDto extends PhotoDto {
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
  /** Only its author sees a post that is not `published`. */
  @ApiProperty({ enum: ['processing', 'published', 'failed'] })
  status: 'processing' | 'published' | 'failed';
  /** Why a photo could not be processed, when `failed`. */
  @ApiPropertyOptional()
  failure?: string;
  /** The photos, in order. */
  @ApiProperty({ type: [PostPhotoDto] })
  media: PostPhotoDto[];
  /** The first photo, for older clients. */
  @ApiProperty({ type: PostPhotoDto })
  image: PostPhotoDto;
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
