import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { Locale } from '../common/errors/error-messages';
import { DomainError } from '../common/errors/domain-error';
import { errorDefinition } from '../common/errors/error-catalog';
import { render } from '../common/errors/error-messages';
import { toFieldErrors } from '../common/validation/validation.pipe';
import { localizeValidationMessage } from '../common/validation/validation-messages';
import { bodyProblems } from '../common/validation/body-checks';

export type FieldErrors = Record<string, string>;

/**
 * Reads a form with the API's own DTO, so a page and the API accept exactly the same. On
 * errors: one message per field in the reader's language, to show next to the field.
 */
export async function readForm<T extends object>(dto: new () => T, body: Record<string, unknown>, locale: Locale) {
  const { _csrf: _token, ...fields } = body ?? {};
  const unfit = bodyProblems(fields);
  if (unfit.length > 0) return { value: null, errors: fieldMessages(unfit, locale) };
  const value = plainToInstance(dto, fields);
  const problems = await validate(value, { whitelist: true, stopAtFirstError: true });
  return problems.length === 0 ? { value, errors: null } : { value: null, errors: fieldMessages(toFieldErrors(problems), locale) };
}

function fieldMessages(errors: Array<{ field: string; message: string }>, locale: Locale): FieldErrors {
  const result: FieldErrors = {};
  for (const error of errors) result[error.field] ??= localizeValidationMessage(error.message, locale);
  return result;
}

/** A refusal of the domain, for a page: the field errors it names and its message. */
export function problemOf(error: DomainError, locale: Locale) {
  return {
    errors: fieldMessages(error.fieldErrors, locale),
    problem: render(errorDefinition(error.code)[locale], error.params),
  };
}

/** Form text "a, b, c" to a list. */
export const listOf = (text: unknown) =>
  typeof text === 'string' ? text.split(',').map((s) => s.trim()).filter(Boolean) : [];
