import type { Request, Response } from 'express';
import type { Actor } from '../common/identity/actor';
import { isStaff, Role } from '../common/identity/role';
import type { Locale } from '../common/errors/error-messages';
import { requestLocale } from '../common/http/locale';
import { texts } from './i18n/texts';

export const LANGUAGE_COOKIE = 'praxisnah_lang';

/** The reader's language: a member's own choice, else the language switch, else the browser. */
export function pageLocale(req: Request): Locale {
  if (req.actor) return req.actor.locale;
  const chosen = req.cookies?.praxisnah_lang;
  return chosen === 'en' || chosen === 'de' ? chosen : requestLocale(req);
}

/** What every page needs: who reads it, in which language, the form token, a message. */
export function pageContext(req: Request, res: Response, title: string, extra: Record<string, unknown> = {}) {
  const locale = pageLocale(req);
  const actor: Actor | undefined = req.actor;
  const flashKey = typeof req.query.ok === 'string' ? `flash.${req.query.ok}` : undefined;
  return {
    locale,
    otherLocale: locale === 'de' ? 'en' : 'de',
    title,
    path: req.originalUrl.split('?')[0],
    back: backAddress(req),
    csrfToken: res.locals.csrfToken,
    actor,
    isStaff: actor ? isStaff(actor.role) : false,
    isOrganiser: actor?.role === Role.Organiser,
    isSchool: actor?.role === Role.SchoolMember,
    isCompany: actor?.role === Role.CompanyMember,
    // entrance staff see one link: their fair's entrance
    doorEvent: actor?.role === Role.Door ? actor.eventId : undefined,
    flash: flashKey && texts[locale][flashKey] ? texts[locale][flashKey] : undefined,
    ...extra,
  };
}

export const text = (locale: Locale, key: string) => texts[locale][key] ?? texts.de[key] ?? key;

/**
 * Where the language switch returns: the page as it is (with its filters); after a form that
 * was sent and shown again, the page the form was on, since a form's address is no page.
 */
function backAddress(req: Request): string {
  // the page as it is, without the message of what was just done (`ok`), which is said once
  if (req.method === 'GET') {
    const url = new URL(req.originalUrl, 'http://page');
    url.searchParams.delete('ok');
    return `${url.pathname}${url.search}`;
  }
  try {
    const from = new URL(String(req.headers.referer ?? ''));
    return from.host === req.headers.host ? `${from.pathname}${from.search}` : '/';
  } catch {
    return '/';
  }
}
