import { commonErrors } from './common.errors';
import { ErrorDefinition } from './error-messages';

/**
 * Every error code of the API with its HTTP status and texts, and the names of the things
 * a 404 can be about. The base knows only its own codes; each feature declares its codes
 * and things in `<feature>.errors.ts`, and the app registers them all where it is wired
 * (src/error-catalogue.ts): the one place to look up what a client can be told.
 */
export type ErrorCode = string;

const codes = new Map<ErrorCode, ErrorDefinition>(Object.entries(commonErrors));

function addAll<T>(into: Map<string, T>, groups: Array<Record<string, T>>, what: string) {
  for (const group of groups) {
    for (const [key, value] of Object.entries(group)) {
      if (into.has(key) && into.get(key) !== value) throw new Error(`${what} "${key}" is declared twice`);
      into.set(key, value);
    }
  }
}

export const registerErrors = (...groups: Array<Record<string, ErrorDefinition>>) => addAll(codes, groups, 'error code');

/** The definition of a code; an unregistered code is a bug, answered like any other bug. */
export function errorDefinition(code: ErrorCode): ErrorDefinition {
  return codes.get(code) ?? codes.get('internal')!;
}

export const isRegisteredError = (code: ErrorCode) => codes.has(code);
export const registeredErrors = (): Array<[ErrorCode, ErrorDefinition]> => [...codes.entries()];

export { defineThings, isRegisteredThing, registerThings, thingName } from './things';
