import { Type as ClassType } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { invalid } from '../errors/app-error';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** `?limit=` (1–100, default 20) and `?cursor=` (opaque), on every list. */
export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;

  /** The `nextCursor` of the previous page. */
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;
}

/** A position in a list ordered by (created_at, id). */
export interface Keyset {
  createdAt: Date;
  id: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export function encodeCursor(position: Keyset): string {
  return Buffer.from(JSON.stringify([position.createdAt.getTime(), position.id])).toString(
    'base64url',
  );
}

export function decodeCursor(cursor: string | undefined): Keyset | undefined {
  if (cursor === undefined) return undefined;
  try {
    const [time, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (
      typeof time === 'number' &&
      Number.isFinite(time) &&
      typeof id === 'string' &&
      id.length <= 36
    ) {
      return { createdAt: new Date(time), id };
    }
  } catch {
    // falls through to the validation error
  }
  throw invalid([{ field: 'cursor', message: 'cursor is not one this API gave out' }]);
}

export interface PageRequest {
  limit: number;
  after?: Keyset;
}

export function pageRequest(query: PageQueryDto): PageRequest {
  return { limit: query.limit ?? DEFAULT_PAGE_SIZE, after: decodeCursor(query.cursor) };
}

/** Repositories fetch limit + 1 rows: the extra one only says whether another page exists. */
export function toPage<R extends Keyset, T>(
  rows: R[],
  limit: number,
  present: (rows: R[]) => T[],
): Page<T> {
  const visible = rows.slice(0, limit);
  const last = visible[visible.length - 1];
  return {
    items: present(visible),
    nextCursor: rows.length > limit && last ? encodeCursor(last) : null,
  };
}

/** An OpenAPI-documented page of one item type; extend it to name the schema (`class PostPageDto extends PageOf(PostDto)`). */
export function PageOf<T>(item: ClassType<T>): ClassType<Page<T>> {
  class PageDto implements Page<T> {
    @ApiProperty({ type: item, isArray: true })
    items: T[];

    @ApiProperty({
      type: String,
      nullable: true,
      description: 'Pass as ?cursor= for the next page; null on the last',
    })
    nextCursor: string | null;
  }
  return PageDto;
}
