import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import type { Locale } from '../common/errors/error-messages';

export const MAIL_KINDS = [
  'booking-received',
  'booking-confirmed',
  'booking-waitlisted',
  'booking-promoted',
  'booking-rejected',
  'booking-cancelled',
  'booking-changed',
  'placement-day-cancelled',
  'placement-day-restored',
  'booking-reminder',
  'organisation-registered',
  'organisation-approved',
  'organisation-rejected',
  'member-invited',
  'password-reset',
  'placement-offered',
  'application-received',
  'application-interview',
  'application-declined',
  'application-withdrawn',
  'applications-digest',
  'unplaced-digest',
  'event-message',
] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const TEMPLATES = join(__dirname, 'templates');

/**
 * Mail texts live in files, one per kind and language: `templates/<kind>.<de|en>.txt`,
 * the first line the subject, then `---`, then the body. The same template is rendered
 * twice: as plain text, and HTML-escaped into `layout.html` (paragraphs, links) — so the
 * two parts always say the same, and nothing a user typed becomes markup.
 */
export class MailTemplates {
  private readonly text = Handlebars.create();
  private readonly html = Handlebars.create();
  private readonly cache = new Map<string, { text: HandlebarsTemplateDelegate; html: HandlebarsTemplateDelegate }>();
  private readonly layout: HandlebarsTemplateDelegate;

  constructor() {
    this.text.registerHelper('link', (url: string) => url);
    this.html.registerHelper('link', (url: string) => {
      const safe = Handlebars.escapeExpression(url);
      return new Handlebars.SafeString(`<a href="${safe}">${safe}</a>`);
    });
    this.layout = this.html.compile(readFileSync(join(TEMPLATES, 'layout.html'), 'utf8'));
  }

  render(kind: MailKind, locale: Locale, data: object): RenderedMail {
    const template = this.compiled(kind, locale);
    const [subject, ...body] = template.text(data).split('\n---\n');
    const htmlBody = template.html(data).split('\n---\n').slice(1).join('\n---\n');
    const paragraphs = htmlBody
      .trim()
      .split(/\n{2,}/)
      .map((p) => `<p>${p.trim().replace(/\n/g, '<br>\n')}</p>`)
      .join('\n');
    return {
      subject: subject.trim(),
      text: body.join('\n---\n').trim() + '\n',
      html: this.layout({ subject: subject.trim(), lang: locale, content: new Handlebars.SafeString(paragraphs) }),
    };
  }

  private compiled(kind: MailKind, locale: Locale) {
    const key = `${kind}.${locale}`;
    let template = this.cache.get(key);
    if (!template) {
      const source = readFileSync(join(TEMPLATES, `${key}.txt`), 'utf8');
      template = {
        text: this.text.compile(source, { noEscape: true, strict: true }),
        html: this.html.compile(source, { strict: true }),
      };
      this.cache.set(key, template);
    }
    return template;
  }
}
