import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Injectable } from '@nestjs/common';
import Handlebars from 'handlebars';
import type { Locale } from '../common/errors/error-messages';
import { formatDate, formatDateTime } from '../common/time/berlin';
import { texts } from './i18n/texts';

const VIEWS = join(__dirname, 'views');

/**
 * Server-rendered pages: Handlebars templates in views/ (escaping everything by default),
 * one layout, partials for form fields, and `t` for the page texts in German or English.
 */
@Injectable()
export class PageRenderer {
  private readonly hbs = Handlebars.create();
  private readonly pages = new Map<string, HandlebarsTemplateDelegate>();
  private readonly layout: HandlebarsTemplateDelegate;

  constructor() {
    const partials = join(VIEWS, 'partials');
    for (const file of readdirSync(partials)) {
      this.hbs.registerPartial(file.replace(/\.hbs$/, ''), readFileSync(join(partials, file), 'utf8'));
    }
    this.hbs.registerHelper('t', function (this: unknown, key: string, options: Handlebars.HelperOptions) {
      const locale: Locale = options.data.root.locale ?? 'de';
      let text = texts[locale][key] ?? texts.de[key] ?? key;
      for (const [name, value] of Object.entries(options.hash ?? {})) text = text.replace(`{${name}}`, String(value));
      return text;
    });
    this.hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b);
    // the session in one cell of the Schule-trifft-Wirtschaft grid, if any
    this.hbs.registerHelper('cellOf', (cells: Array<{ eventClassId: string; periodId: string }>, classId: string, periodId: string) =>
      cells.find((cell) => cell.eventClassId === classId && cell.periodId === periodId),
    );
    this.hbs.registerHelper('json', (value: unknown) => JSON.stringify(value));
    this.hbs.registerHelper('concat', (...args: unknown[]) => args.slice(0, -1).join(''));
    this.hbs.registerHelper('or', (...args: unknown[]) => args.slice(0, -1).some(Boolean));
    this.hbs.registerHelper('date', (value: string, options: Handlebars.HelperOptions) =>
      value ? formatDate(String(value).slice(0, 10), options.data.root.locale ?? 'de') : '',
    );
    this.hbs.registerHelper('dateTime', (value: string | Date, options: Handlebars.HelperOptions) =>
      value ? formatDateTime(value, options.data.root.locale ?? 'de') : '',
    );
    this.hbs.registerHelper('percent', (value: number) => (value === null || value === undefined ? '–' : `${Math.round(value * 100)} %`));
    this.layout = this.hbs.compile(readFileSync(join(VIEWS, 'layout.hbs'), 'utf8'), { strict: false });
  }

  render(view: string, context: Record<string, unknown>): string {
    let page = this.pages.get(view);
    if (!page) {
      page = this.hbs.compile(readFileSync(join(VIEWS, 'pages', `${view}.hbs`), 'utf8'));
      this.pages.set(view, page);
    }
    const body = page(context);
    return this.layout({ ...context, body: new Handlebars.SafeString(body) });
  }
}
