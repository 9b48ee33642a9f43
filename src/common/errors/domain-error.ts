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
    /** The single conflicts a refusal names, e.g. each cell of a stale plan. */
    readonly conflicts: Conflict[] = [],
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
 * One of several conflicts a refusal names: what it is about, as ids and names a client reads
 * (e.g. the class, period and company of a cell), and why, as a code of the catalogue with its
 * parameters. The problem details write each out in the reader's language, list them as
 * `conflicts` and hand them to the refusal's own message as the parameter `conflicts`.
 */
export interface Conflict {
  code: ErrorCode;
  params: Record<string, string | number>;
  about: Record<string, string | number | null>;
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
