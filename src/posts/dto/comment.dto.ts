import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, Length } from 'class-validator';
import { PageOf } from '../../common/pagination/page';
import { UserSummaryDto } from '../../users/dto/user.dto';
import { COMMENT_MAX_LENGTH } from '../limits';

export class CreateCommentDto {
  /** 1–2,200 characters once leading and trailing spaces are trimmed. */
  @ApiProperty({ minLength: 1, maxLength: COMMENT_MAX_LENGTH, example: 'What a view!' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(1, COMMENT_MAX_LENGTH, { message: `body must be 1 to ${COMMENT_MAX_LENGTH} characters` })
  body: string;
}

export class CommentDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ type: UserSummaryDto })
  author: UserSummaryDto;
  @ApiProperty()
  body: string;
  /** Usernames mentioned in the body that belong to existing users. */
  @ApiProperty({ type: String, isArray: true, example: ['ada.l'] })
  mentions: string[];
  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: string;
}

export class CommentPageDto extends PageOf(CommentDto) {}
