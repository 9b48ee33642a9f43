import type { FieldError } from '../errors/domain-error';

/** No request of this API nests deeper; thousands of levels would overflow the stack of the validators. */
export const MAX_NESTING = 32;

// PostgreSQL keeps no NUL character in text, and JSON columns (the audit log) no lone
// UTF-16 surrogate: such text would fail in the database as a 500 instead of a 400.
const NOT_STORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * What a body or query must not contain before it is validated field by field: nesting
 * deeper than MAX_NESTING (checked without recursion), and text the database cannot keep.
 * Each problem names its field as a dotted path.
 */
export function bodyProblems(value: unknown): FieldError[] {
  const tooDeep = firstTooDeep(value);
  if (tooDeep !== undefined) return [{ field: tooDeep, code: 'maxNesting', message: 'maxNesting' }];
  return unstorableText(value, '');
}

function firstTooDeep(value: unknown): string | undefined {
  const pending: Array<{ value: unknown; path: string; depth: number }> = [{ value, path: '', depth: 0 }];
  while (pending.length > 0) {
    const { value: current, path, depth } = pending.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth >= MAX_NESTING) return path;
    for (const [key, inner] of Object.entries(current)) pending.push({ value: inner, path: path ? `${path}.${key}` : key, depth: depth + 1 });
  }
  return undefined;
}

function unstorableText(value: unknown, parent: string): FieldError[] {
  const problem = (field: string) => [{ field, code: 'wellFormedText', message: 'wellFormedText' }];
  if (typeof value === 'string') return NOT_STORABLE.test(value) ? problem(parent) : [];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) => {
    const field = parent ? `${parent}.${key}` : key;
    return NOT_STORABLE.test(key) ? problem(field) : unstorableText(inner, field);
  });
}
