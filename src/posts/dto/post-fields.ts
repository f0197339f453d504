import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { EmptyToNull } from '../../common/dto/text-transforms';

/** Optional text, trimmed; an empty string clears it. */
export const OptionalText = (maxLength: number, description: string) =>
  applyDecorators(
    ApiPropertyOptional({ type: String, nullable: true, maxLength, description }),
    IsOptional(),
    EmptyToNull(),
    IsString(),
    MaxLength(maxLength),
  );
