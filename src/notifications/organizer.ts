import type { AppConfig } from '../config/environment';

/** The ORGANIZER of calendar entries: the regional management, at the sender address. */
export function organizerOf(config: AppConfig) {
  const match = /^(.*)<([^>]+)>\s*$/.exec(config.MAIL_FROM);
  return match
    ? { name: match[1].trim().replace(/^"|"$/g, '') || 'Praxisnah', email: match[2].trim() }
    : { name: 'Praxisnah', email: config.MAIL_FROM.trim() };
}
