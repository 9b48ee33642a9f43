import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

export const CSRF_COOKIE = 'praxisnah_csrf';
export const CSRF_FIELD = '_csrf';

/**
 * CSRF protection for the pages' forms (double submit): a random token in a SameSite=Strict
 * cookie must come back in the form's hidden field. A page of another site can neither read
 * the cookie nor make the browser send it. The JSON API needs no token: its session cookie
 * is SameSite=Lax and it accepts no form posts from other sites with it.
 */
export function csrfProtection(secure: boolean) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.path.startsWith('/api/') || req.path === '/health') return next();
    let token = req.cookies?.[CSRF_COOKIE];
    if (typeof token !== 'string' || token.length < 32) {
      token = randomBytes(24).toString('base64url');
      res.cookie(CSRF_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure, path: '/' });
    }
    res.locals.csrfToken = token;
    if (req.method === 'POST') {
      const sent = typeof req.body?.[CSRF_FIELD] === 'string' ? req.body[CSRF_FIELD] : '';
      const [a, b] = [Buffer.from(sent), Buffer.from(token)];
      if (a.length !== b.length || !timingSafeEqual(a, b)) {
        res.status(403).type('text/plain; charset=utf-8').send('Das Formular ist abgelaufen. Bitte laden Sie die Seite neu. / The form has expired, please reload the page.');
        return;
      }
    }
    next();
  };
}
