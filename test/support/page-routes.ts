import { TestApp } from './test-app';

export interface PageRoute {
  method: 'get' | 'post';
  /** Express style, e.g. `/buchungen/:bookingId`. */
  path: string;
  params: string[];
}

/**
 * Not pages: the API, its documents, static files, the health check, and the middleware
 * registered for every path (it appears in the router as `/{*path}` for every method).
 */
const NOT_PAGES = /^\/(api|static)(\/|$)|^\/health$|\{\*/;

/** Every page route the app serves, read from its router, so a page added later is listed too. */
export function pageRoutes(t: TestApp): PageRoute[] {
  // Express's types leave out `methods`, which every route has.
  const stack = t.app.getHttpAdapter().getInstance().router.stack as unknown as Array<{ route?: { path: string; methods: Record<string, boolean> } }>;
  return stack
    .flatMap(({ route }) => (route ? Object.keys(route.methods).map((method) => ({ method, path: route.path })) : []))
    .filter(({ path }) => !NOT_PAGES.test(path))
    .map(({ method, path }) => ({ method: method as PageRoute['method'], path, params: [...path.matchAll(/:(\w+)/g)].map((m) => m[1]) }));
}
