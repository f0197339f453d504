/**
 * Domain errors: services throw these and never an HTTP class; the problem filter is the
 * one place that maps a code to a status (see ProblemDetailsFilter).
 */
export enum ErrorCode {
  Validation = 'validation',
  Unauthenticated = 'unauthenticated',
  InvalidCredentials = 'invalid-credentials',
  Forbidden = 'forbidden',
  Suspended = 'suspended',
  CrossOrigin = 'cross-origin',
  NotFound = 'not-found',
  Conflict = 'conflict',
  Unprocessable = 'unprocessable',
  TooManyRequests = 'too-many-requests',
  Unavailable = 'unavailable',
}

export interface FieldError {
  field: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly errors?: FieldError[],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string) =>
  new AppError(ErrorCode.NotFound, `${what} was not found.`);
export const forbidden = (message: string) => new AppError(ErrorCode.Forbidden, message);
export const conflict = (message: string, errors?: FieldError[]) =>
  new AppError(ErrorCode.Conflict, message, errors);
export const invalid = (errors: FieldError[]) =>
  new AppError(
    ErrorCode.Validation,
    errors.length === 1 ? errors[0].message : 'The request has invalid fields.',
    errors,
  );
export const unavailable = (dependency: string) =>
  new AppError(
    ErrorCode.Unavailable,
    `The ${dependency} is unavailable right now; try again shortly.`,
  );
