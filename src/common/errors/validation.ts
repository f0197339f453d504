import { type ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError, invalid } from './app-error';

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/**
 * ValidationPipe, answering at once for what it would hand back unchanged: a value of a
 * custom decorator (@Viewer()) and a path parameter typed string. Nest asks the global pipe
 * for every parameter of every route; these need no class-transformer or class-validator.
 */
class FreebValidationPipe extends ValidationPipe {
  transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'custom' || (metadata.type === 'param' && metadata.metatype === String)) {
      return Promise.resolve(value);
    }
    return super.transform(value, metadata) as Promise<unknown>;
  }
}

/** The global pipe: unknown fields are refused, and every failure is one problem with per-field errors. */
export function createValidationPipe(): ValidationPipe {
  return new FreebValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: true,
    exceptionFactory: (errors) => invalid(flatten(errors)),
  });
}
