import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ErrorCode } from './app-error';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

// Not a *.dto.ts file, so the Swagger plugin does not describe these: the decorators do.
export class FieldErrorDto {
  @ApiProperty({
    description: 'The body or query field at fault, dotted for nested fields.',
    example: 'username',
  })
  field: string;
  @ApiProperty({ example: 'username must be 3 to 30 characters' })
  message: string;
}

/** RFC 9457 problem details, the shape of every error Freeb answers. */
export class ProblemDetails {
  /** A URI naming the kind of problem, stable for clients to branch on. */
  @ApiProperty({ example: 'urn:freeb:problem:validation' })
  type: string;
  @ApiProperty({ example: 'Bad Request' })
  title: string;
  @ApiProperty({ example: 400 })
  status: number;
  @ApiProperty({ example: 'username must be 3 to 30 characters.' })
  detail: string;
  @ApiPropertyOptional({ type: [FieldErrorDto] })
  errors?: FieldErrorDto[];
}

export const STATUS_BY_CODE: Record<ErrorCode, number> = {
  [ErrorCode.Validation]: 400,
  [ErrorCode.Unauthenticated]: 401,
  [ErrorCode.InvalidCredentials]: 401,
  [ErrorCode.Forbidden]: 403,
  [ErrorCode.Suspended]: 403,
  [ErrorCode.CrossOrigin]: 403,
  [ErrorCode.NotFound]: 404,
  [ErrorCode.Conflict]: 409,
  [ErrorCode.Unprocessable]: 422,
  [ErrorCode.TooManyRequests]: 429,
  [ErrorCode.Unavailable]: 503,
};

export const problemType = (code: string) => `urn:freeb:problem:${code}`;
