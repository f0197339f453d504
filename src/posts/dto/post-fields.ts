import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, MaxLength } from 'class-validator';

/** Optional text, trimmed; an empty string clears it. */
export const OptionalText = (maxLength: number, description: string) =>
  applyDecorators(
    ApiPropertyOptional({ type: String, nullable: true, maxLength, description }),
    IsOptional(),
    Transform(({ value }: { value: unknown }) => {
      if (typeof value !== 'string') return value;
      const text = value.trim();
      return text === '' ? null : text;
    }),
    IsString(),
    MaxLength(maxLength),
  );
