/**
 * Positional parameters for a statement written by hand from parts: `bind(value)` adds the
 * value and answers its placeholder ($1, $2, …), so parts that each bring their values can be
 * put together without counting.
 */
export function placeholders() {
  const values: unknown[] = [];
  const bind = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };
  return { bind, values };
}
