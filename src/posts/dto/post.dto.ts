import { ApiProperty } from '@nestjs/swagger';
import { ImageDto } from '../../images/dto/upload.dto';
import { PageOf } from '../../common/pagination/page';
import { UserSummaryDto } from '../../users/dto/user.dto';

export class PostImageDto extends ImageDto {
  @ApiProperty({ type: String, nullable: true })
  altText: string | null;
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
  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: string;
}

export class PostPageDto extends PageOf(PostDto) {}
