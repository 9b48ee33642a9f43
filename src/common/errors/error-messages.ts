export type Locale = 'de' | 'en';
export type Message = string | ((params: Record<string, string | number>) => string);

export interface ErrorDefinition {
  status: number;
  de: Message;
  en: Message;
}

/** Lets each feature declare its error codes with a status and a German and English text. */
export const defineErrors = <T extends Record<string, ErrorDefinition>>(errors: T): T => errors;

export function render(message: Message, params: Record<string, string | number>): string {
  return typeof message === 'function' ? message(params) : message;
}

/**
 * Parameters for showing a message without a real case (the API document's error table):
 * dates get a sample date, everything else shows its name, e.g. "{capacity}".
 */
export const SAMPLE_PARAMS: Record<string, string | number> = new Proxy(
  {},
  {
    get: (_target, key) =>
      ['at', 'from', 'until'].includes(String(key)) ? '2027-05-08T06:30:00Z' : ['date', 'after'].includes(String(key)) ? '2027-05-08' : `{${String(key)}}`,
  },
);
