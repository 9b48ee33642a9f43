import type { Request } from 'express';
import type { Locale } from '../errors/error-messages';

/**
 * The language to answer in: the member's own choice when logged in, else the browser's
 * first preference between German and English, else German.
 */
export function requestLocale(req: Request): Locale {
  const chosen = req.actor?.locale;
  if (chosen) return chosen;
  const header = req.headers['accept-language'];
  if (typeof header !== 'string') return 'de';
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag, q] = part.trim().split(';q=');
      return { tag: tag.toLowerCase(), q: q === undefined ? 1 : Number(q) || 0 };
    })
    .sort((a, b) => b.q - a.q);
  const first = ranked.find((r) => r.tag.startsWith('de') || r.tag.startsWith('en'));
  return first?.tag.startsWith('en') ? 'en' : 'de';
}
