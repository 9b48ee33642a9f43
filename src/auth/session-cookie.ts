import type { Response } from 'express';
import type { AppConfig } from '../config/environment';
import { SESSION_COOKIE } from './credentials.service';

/** HttpOnly (no script reads it), SameSite=Lax (no cross-site POST carries it), Secure in production. */
export function setSessionCookie(res: Response, config: AppConfig, secret: string, expiresAt: Date) {
  res.cookie(SESSION_COOKIE, secret, {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.cookieSecure,
    path: '/',
    expires: expiresAt,
  });
}

export function clearSessionCookie(res: Response, config: AppConfig) {
  res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure: config.cookieSecure, path: '/' });
}
