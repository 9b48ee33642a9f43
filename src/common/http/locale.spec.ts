import type { Request } from 'express';
import { requestLocale } from './locale';

const req = (acceptLanguage?: string, actorLocale?: 'de' | 'en') =>
  ({ headers: acceptLanguage ? { 'accept-language': acceptLanguage } : {}, actor: actorLocale ? { locale: actorLocale } : undefined }) as unknown as Request;

describe('requestLocale', () => {
  it('is German without any hint', () => expect(requestLocale(req())).toBe('de'));
  it('follows the browser between German and English by weight', () => {
    expect(requestLocale(req('en-US,en;q=0.9'))).toBe('en');
    expect(requestLocale(req('fr-FR,en;q=0.5,de;q=0.8'))).toBe('de');
    expect(requestLocale(req('fr-FR,es'))).toBe('de');
  });
  it('prefers the member’s own choice', () => expect(requestLocale(req('en', 'de'))).toBe('de'));
});
