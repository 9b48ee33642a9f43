import { applyDecorators } from '@nestjs/common';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDate, IsDefined, IsEmail, IsInt, IsString, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { parseInstant } from '../time/berlin';

/**
 * A field that may be left out, but not sent as null: class-validator's Omittable() would let
 * null through unchecked, into NOT NULL columns. Only fields that can be cleared take null
 * (and say so with Omittable()).
 */
export const Omittable = () => ValidateIf((_object, value) => value !== undefined);

/** For PartialType(): every field of an update may be left out, none sent as null. */
export const NOT_NULL = { skipNullProperties: false };

const trim = Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

/** A text field: a string, trimmed, at most `max` characters, not blank unless optional. */
export function Text(max: number, options: { optional?: boolean } = {}) {
  const rules = [trim, IsString(), MaxLength(max)];
  return options.optional
    ? applyDecorators(Omittable(), ...rules)
    : applyDecorators(IsDefined(), ...rules, Matches(/\S/, { message: 'notBlank' }));
}

// Years 1900–2999: PostgreSQL has no year 0, JavaScript reads years below 100 as 19xx, and
// nothing on this platform happens outside that span.
const YEAR = '(19|2\\d)\\d{2}';
const DATE = `${YEAR}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])`;

/** Whether text is a calendar date YYYY-MM-DD that exists (no 31 February) within the years kept. */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string' || !new RegExp(`^${DATE}$`).test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** A calendar date as YYYY-MM-DD that exists (no 31 February). */
export function CalendarDate(options: { optional?: boolean } = {}) {
  const valid = Matches(new RegExp(`^${DATE}$`), { message: 'date' });
  const exists = Transform(({ value }) => (typeof value !== 'string' || isCalendarDate(value) ? value : `invalid:${value}`));
  return options.optional
    ? applyDecorators(Omittable(), exists, IsString(), valid)
    : applyDecorators(IsDefined(), exists, IsString(), valid);
}

/** A whole number within bounds; query strings arrive as text and are converted first. */
export function WholeNumber(min: number, max: number, options: { optional?: boolean } = {}) {
  const rules = [Type(() => Number), IsInt(), Min(min), Max(max)];
  return options.optional ? applyDecorators(Omittable(), ...rules) : applyDecorators(IsDefined(), ...rules);
}

export const POSTAL_CODE = /^\d{5}$/;
export const PHONE = /^\+?[0-9][0-9 ()/-]{4,29}$/;

/** An e-mail address, trimmed; required unless optional. */
export function Email(options: { optional?: boolean } = {}) {
  const rules = [trim, IsEmail(), MaxLength(254)];
  return options.optional ? applyDecorators(Omittable(), ...rules) : applyDecorators(IsDefined(), ...rules);
}

/** A password or token as typed: not trimmed, at most 200 characters. */
export function Secret() {
  return applyDecorators(IsDefined(), IsString(), MaxLength(200));
}

const INSTANT = new RegExp(`^${DATE}T([01]\\d|2[0-3]):[0-5]\\d(:[0-5]\\d(\\.\\d{1,3})?)?(Z|[+-]([01]\\d|2[0-3]):[0-5]\\d)?$`);

/**
 * A point in time: ISO 8601 with offset, or local Berlin time without one
 * ("2027-05-08T08:30"). Arrives in the handler as a Date.
 */
export function Instant(options: { optional?: boolean } = {}) {
  const rules = [
    // Text that is no instant stays text and fails IsDate, as does an impossible date.
    Transform(({ value }) => (typeof value === 'string' && INSTANT.test(value) ? parseInstant(value) : value), {
      toClassOnly: true,
    }),
    IsDate({ message: 'dateTime' }),
  ];
  return options.optional ? applyDecorators(Omittable(), ...rules) : applyDecorators(IsDefined(), ...rules);
}

/** A wall-clock time 'HH:MM' (Berlin). */
export function ClockTime() {
  return applyDecorators(IsDefined(), IsString(), Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'clockTime' }));
}

/** A list of short texts (apprenticeships, occupational fields), each trimmed and not blank. */
export function TextList(maxItems: number, maxLength: number) {
  return applyDecorators(
    Omittable(),
    IsArray(),
    ArrayMaxSize(maxItems),
    Transform(({ value }) => (Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim() : v)) : value)),
    IsString({ each: true }),
    MaxLength(maxLength, { each: true }),
    Matches(/\S/, { each: true, message: 'notBlank' }),
  );
}
