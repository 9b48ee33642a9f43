import type { Locale } from './error-messages';

/**
 * The names of the things a 404 can be about ("Die Veranstaltung" / "The event"), by key:
 * each feature declares its own in its `*.errors.ts`, the app registers them at start
 * (src/error-catalogue.ts), and a `not_found` problem names its thing in the reader's language.
 */
export interface ThingName {
  de: string;
  en: string;
}

const things = new Map<string, ThingName>();

/** Lets a feature declare the things it can answer 404 about, by key, in German and English. */
export const defineThings = <T extends Record<string, ThingName>>(declared: T): T => declared;

export function registerThings(...groups: Array<Record<string, ThingName>>) {
  for (const group of groups) {
    for (const [key, name] of Object.entries(group)) {
      if (things.has(key) && things.get(key) !== name) throw new Error(`thing "${key}" is declared twice`);
      things.set(key, name);
    }
  }
}

export const isRegisteredThing = (thing: string) => things.has(thing);

/** "Die Veranstaltung" / "The event" for the key `event`. */
export const thingName = (thing: string, locale: Locale): string | undefined => things.get(thing)?.[locale];
