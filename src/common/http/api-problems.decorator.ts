import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE } from '../errors/problem';

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input: unknown or malformed fields (problem details with per-field errors)',
  401: 'Not signed in, or the session has ended',
  403: 'Not allowed: cross-site request, or not the owner',
  404: 'Not found',
  409: 'Conflict with existing data',
  422: 'The request was understood but could not be processed',
  429: 'Too many requests; see the Retry-After header',
  503: 'A dependency (database, session store, storage) is unavailable',
};

/** Documents the problem-details answers of an endpoint. */
export function ApiProblems(...statuses: number[]) {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: DESCRIPTIONS[status],
        content: {
          [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/ProblemDetails' } },
        },
      }),
    ),
  );
}
