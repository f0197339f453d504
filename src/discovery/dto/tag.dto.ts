import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';

export class TagDto {
  /** Lower-case, without `#`. */
  @ApiProperty({ example: 'paris' })
  name: string;
  /** How many published posts carry it. */
  @ApiProperty()
  postCount: number;
}

export class TagParamsDto {
  /** The name, with or without its leading `#`, in any case. */
  @ApiProperty({ example: 'paris', minLength: 1, maxLength: 101 })
  @IsString()
  @Length(1, 101)
  @Matches(/^#?[\p{L}\p{M}\p{N}_]+$/u, {
    message: 'tag must be letters, digits or _ (up to 100)',
  })
  tag: string;
}
