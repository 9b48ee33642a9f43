import request from 'supertest';
import { PASSWORD } from './factories';
import { TestApp } from './test-app';

const CSRF_COOKIE = /praxisnah_csrf=([^;]+)/;

/** A form's fields; a list becomes a repeated field, as a browser sends checkboxes. */
export type FormFields = Record<string, string | string[]>;

const encode = (fields: FormFields) => {
  const form = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) for (const one of ([] as string[]).concat(value)) form.append(name, one);
  return form.toString();
};

/**
 * Someone using the pages without JavaScript: keeps its cookies like a browser and sends
 * every form with the CSRF token of its first page, so a refusal comes from what the
 * person may do, never from a missing token.
 */
export class PageVisitor {
  private constructor(
    private readonly agent: ReturnType<typeof request.agent>,
    private readonly csrfToken: string,
  ) {}

  /** On a test app, or on the base URL of an app running in a process of its own. */
  static async anonymous(t: TestApp | string): Promise<PageVisitor> {
    const agent = request.agent(typeof t === 'string' ? t : t.http);
    const first = await agent.get('/anmelden').expect(200);
    const cookie = ([] as string[]).concat(first.headers['set-cookie'] ?? []).map((c) => CSRF_COOKIE.exec(c)?.[1]).find(Boolean);
    if (!cookie) throw new Error('the login page set no CSRF cookie');
    return new PageVisitor(agent, decodeURIComponent(cookie));
  }

  /** Logs in through the login form, as a person does. */
  static async loggedIn(t: TestApp | string, email: string, password = PASSWORD): Promise<PageVisitor> {
    const visitor = await PageVisitor.anonymous(t);
    const res = await visitor.post('/anmelden', { email, password });
    if (res.status !== 303) throw new Error(`login of ${email} answered ${res.status}`);
    return visitor;
  }

  get = (path: string) => this.agent.get(path).redirects(0);

  post = (path: string, fields: FormFields = {}) =>
    this.agent.post(path).redirects(0).type('form').send(encode({ ...fields, _csrf: this.csrfToken }));
}
