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
