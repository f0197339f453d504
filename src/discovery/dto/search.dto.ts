import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, Length } from 'class-validator';
import { UserSummaryDto } from '../../users/dto/user.dto';
import { TagDto } from './tag.dto';

export class SearchQueryDto {
  /**
   * The start of a username, first or last name, or tag; case and accents do not matter
   * ("zoe" finds "Zoë"). A leading `@` searches people only, a leading `#` tags only.
   */
  @ApiProperty({ minLength: 1, maxLength: 100, example: 'zoe' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString({ message: 'q must be text' })
  @Length(1, 100, { message: 'q must be 1 to 100 characters' })
  q: string;
}

export class SearchResultDto {
  /** Up to 10: an exact username first, then the most followed. */
  @ApiProperty({ type: UserSummaryDto, isArray: true })
  users: UserSummaryDto[];
  /** Up to 10, the most used first. */
  @ApiProperty({ type: TagDto, isArray: true })
  tags: TagDto[];
}
