import type { ErrorCode } from './error-catalog';

/**
 * An error of the domain, thrown by services. It names what went wrong with a code; the
 * problem-details filter turns the code into an HTTP status and a message a person can act
 * on (error-catalog.ts). Services never throw HTTP exceptions.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, string | number> = {},
    /** Per-field problems, for validation errors. */
    readonly fieldErrors: FieldError[] = [],
  ) {
    super(code);
  }
}

export interface FieldError {
  /** Dotted path of the field in the request, e.g. `company.postalCode`. */
  field: string;
  /** Machine-readable rule, e.g. `isEmail`, `unknownField`. */
  code: string;
  message: string;
}

/**
 * The thing does not exist, or belongs to another organisation: both answer 404. The thing
 * is named by its key (`event`), which the reader sees in their language.
 */
export class NotFoundError extends DomainError {
  constructor(thing?: string) {
    super('not_found', thing ? { what: thing } : {});
  }
}

/** Bad input in one field, e.g. `invalidField('schoolClassId', 'unknownClass')`: 400 naming it. */
export const invalidField = (field: string, message: string, code = 'invalid') =>
  new DomainError('validation_failed', {}, [{ field, code, message }]);
