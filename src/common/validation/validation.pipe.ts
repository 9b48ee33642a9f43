import { ArgumentMetadata, Injectable, ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError, FieldError } from '../errors/domain-error';
import { bodyProblems } from './body-checks';

/** Flattens class-validator's tree into dotted field paths (`company.postalCode`, `apprenticeships.2`). */
export function toFieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([code, message]) => ({
      field,
      code: code === 'whitelistValidation' ? 'unknownField' : code,
      // The English text of the rule; the filter puts it into the reader's language.
      message: message.startsWith(`${error.property} `) ? message.slice(error.property.length + 1) : message,
    }));
    return [...own, ...toFieldErrors(error.children ?? [], field)];
  });
}

const BUILT_IN_TYPES = [String, Boolean, Number, Array, Object];

/**
 * Validates every body and query against its DTO. Unknown fields are refused, not
 * dropped: a client that sends `status` or `companyId` learns at once it cannot set them.
 */
@Injectable()
export class StrictValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
      stopAtFirstError: true, // one clear message per field
      transform: true,
      validationError: { target: false, value: false },
      exceptionFactory: (errors) => new DomainError('validation_failed', {}, toFieldErrors(errors)),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata) {
    const isDto = typeof metadata.metatype === 'function' && !BUILT_IN_TYPES.includes(metadata.metatype as never);
    // No body at all (a bare POST …/cancel) is an empty object: its required fields still fail.
    if (metadata.type === 'body' && isDto && value === undefined) value = {};
    if (metadata.type === 'body' && isDto && (value === null || typeof value !== 'object' || Array.isArray(value))) {
      throw new DomainError('validation_failed', {}, [{ field: '', code: 'isObject', message: 'jsonObject' }]);
    }
    if (metadata.type === 'body' || metadata.type === 'query') {
      const problems = bodyProblems(value);
      if (problems.length > 0) throw new DomainError('validation_failed', {}, problems);
    }
    return super.transform(value, metadata);
  }
}
