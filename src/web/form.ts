import type { Response } from 'express';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { Locale } from '../common/errors/error-messages';
import { DomainError } from '../common/errors/domain-error';
import { errorDefinition } from '../common/errors/error-catalog';
import { describeRefusal } from '../common/errors/problem-details';
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
    problem: describeRefusal(error, locale).detail,
  };
}

/** Form text "a, b, c" to a list. */
export const listOf = (text: unknown) =>
  typeof text === 'string' ? text.split(',').map((s) => s.trim()).filter(Boolean) : [];

/** What a form shows again after a refusal: a message per field, `form` marking the whole form. */
export type FormErrors = Record<string, string | boolean>;

export interface FormSubmission<T> {
  /** The API's DTO for the form; without one, the input is taken as it is. */
  dto?: new () => T;
  input: Record<string, unknown>;
  /** The page with the form again: its errors, what was typed (the caller keeps it), a message. */
  view: (shown: { errors: FormErrors; problem?: string }) => string | Promise<string>;
  /** The work; says where to go after it (303). */
  then: (value: T) => Promise<string>;
  /** The status of a refusal of the domain (400 unless said otherwise). */
  statusOf?: (error: DomainError) => number;
  /** Refusals that are not about the form and go to the error page instead (besides `unauthenticated` and `not_found`). */
  passOn?: string[];
}

/** Where a booking made in a page leads: the booking, saying whether it holds a place or waits. */
export const afterBooking = (booking: { id: string; status: string }) =>
  `/buchungen/${booking.id}?ok=${booking.status === 'waitlisted' ? 'waitlisted' : 'booked'}`;

/**
 * Handles a page form the one way every page does: read it with the API's DTO; a field
 * that does not fit, or a refusal of the domain, shows the form again with the messages in
 * the reader's language; success redirects (303), so a reload does not send it twice.
 * Anything that is not a refusal of the domain goes on to the error page.
 */
export async function submitForm<T extends object>(res: Response, locale: Locale, form: FormSubmission<T>): Promise<void> {
  let value = form.input as T;
  if (form.dto) {
    const read = await readForm(form.dto, form.input, locale);
    if (!read.value) {
      res.status(400).send(await form.view({ errors: read.errors ?? {} }));
      return;
    }
    value = read.value;
  }
  try {
    res.redirect(303, await form.then(value));
  } catch (error) {
    // someone else's data is missing data: the page that says so, not the form with a message
    if (!(error instanceof DomainError) || error.code === 'unauthenticated' || error.code === 'not_found' || form.passOn?.includes(error.code)) throw error;
    const problem = problemOf(error, locale);
    // "too many attempts" is 429 with Retry-After on every form, as in the API: it is not about what was typed
    const limited = error.params.retryAfterSeconds !== undefined;
    if (limited) res.setHeader('Retry-After', String(error.params.retryAfterSeconds));
    res.status(limited ? statusOfRefusal(error) : (form.statusOf?.(error) ?? 400)).send(await form.view({ errors: { form: true, ...problem.errors }, problem: problem.problem }));
  }
}

/** A refusal's own status from the catalogue (409 for a conflict), for forms that show it as the API would. */
export const statusOfRefusal = (error: DomainError) => errorDefinition(error.code).status;

/** An instant as the value of a `datetime-local` field, in German time. */
export function localInput(at: Date): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
    .format(new Date(at))
    .replace(' ', 'T');
}
