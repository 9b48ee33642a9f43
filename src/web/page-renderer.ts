import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Injectable } from '@nestjs/common';
import Handlebars from 'handlebars';
import type { Locale } from '../common/errors/error-messages';
import { formatDate, formatDateTime } from '../common/time/berlin';
import { texts } from './i18n/texts';
import { DISTRICTS } from '../organisations/region';

const VIEWS = join(__dirname, 'views');

/**
 * Server-rendered pages: Handlebars templates in views/ (escaping everything by default),
 * one layout, partials for form fields, and `t` for the page texts in German or English.
 */
@Injectable()
export class PageRenderer {
  private readonly hbs = Handlebars.create();
  private readonly pages = new Map<string, HandlebarsTemplateDelegate>();
  /** Views kept in a program's own folder, by name: the program registers its folder at start. */
  private readonly elsewhere = new Map<string, string>();
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
    // a district's name as people say it, not its key
    this.hbs.registerHelper('districtName', (key: string) => DISTRICTS[key as keyof typeof DISTRICTS] ?? key);
    this.hbs.registerHelper('json', (value: unknown) => JSON.stringify(value));
    this.hbs.registerHelper('concat', (...args: unknown[]) => args.slice(0, -1).join(''));
    // the first value that is set, as JavaScript's `||`: a condition, or a value with a fallback
    this.hbs.registerHelper('or', (...args: unknown[]) => args.slice(0, -1).find(Boolean) ?? false);
    this.hbs.registerHelper('date', (value: string, options: Handlebars.HelperOptions) =>
      value ? formatDate(String(value).slice(0, 10), options.data.root.locale ?? 'de') : '',
    );
    this.hbs.registerHelper('dateTime', (value: string | Date, options: Handlebars.HelperOptions) =>
      value ? formatDateTime(value, options.data.root.locale ?? 'de') : '',
    );
    // the clock time alone (Berlin), for the end of a slot shown after its start
    this.hbs.registerHelper('time', (value: string | Date) =>
      value ? new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit' }).format(new Date(value)) : '');
    this.hbs.registerHelper('percent', (value: number) => (value === null || value === undefined ? '–' : `${Math.round(value * 100)} %`));
    this.layout = this.hbs.compile(readFileSync(join(VIEWS, 'layout.hbs'), 'utf8'), { strict: false });
  }

  /**
   * Makes every `<name>.hbs` in `folder` a view of that name, and those in its `partials/`
   * partials (names are unique across folders).
   */
  registerViews(folder: string) {
    const partials = join(folder, 'partials');
    for (const file of existsSync(partials) ? readdirSync(partials) : []) {
      const name = file.replace(/\.hbs$/, '');
      if (this.hbs.partials[name]) throw new Error(`a partial named ${name} exists twice`);
      this.hbs.registerPartial(name, readFileSync(join(partials, file), 'utf8'));
    }
    for (const file of readdirSync(folder)) {
      if (!file.endsWith('.hbs')) continue;
      const name = file.replace(/\.hbs$/, '');
      if (this.elsewhere.has(name) || readdirSync(join(VIEWS, 'pages')).includes(file)) throw new Error(`a view named ${name} exists twice`);
      this.elsewhere.set(name, join(folder, file));
    }
  }

  render(view: string, context: Record<string, unknown>): string {
    let page = this.pages.get(view);
    if (!page) {
      page = this.hbs.compile(readFileSync(this.elsewhere.get(view) ?? join(VIEWS, 'pages', `${view}.hbs`), 'utf8'));
      this.pages.set(view, page);
    }
    const body = page(context);
    return this.layout({ ...context, body: new Handlebars.SafeString(body) });
  }
}
