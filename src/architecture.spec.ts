import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * The arrows between the folders of src/ (README, "Architecture"), checked on every import
 * of every source file: a forbidden import fails here, with the file and the line.
 */
const SRC = __dirname;
const BASE = ['common', 'config', 'database'];

interface Import {
  file: string; // relative to src/, e.g. bookings/booking-engine.ts
  line: number;
  target: string; // relative to src/, e.g. web/form
}

function sources(dir = SRC): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') && !path.endsWith('.spec.ts') ? [path] : [];
  });
}

function importsOf(path: string): Import[] {
  const file = relative(SRC, path);
  return readFileSync(path, 'utf8')
    .split('\n')
    .flatMap((text, i) => {
      const spec = /^\s*(?:import|export)\b.*?from\s+'(\.[^']+)'/.exec(text)?.[1] ?? /^\s*import\s+'(\.[^']+)'/.exec(text)?.[1];
      return spec ? [{ file, line: i + 1, target: relative(SRC, resolve(dirname(path), spec)) }] : [];
    });
}

const folderOf = (path: string) => path.split('/')[0];
const programOf = (path: string) => (path.startsWith('programs/') ? path.split('/')[1] : undefined);
const all = sources().flatMap(importsOf);
const show = (found: Import[]) => found.map((i) => `${i.file}:${i.line} imports ${i.target}`);

/** The rules, each a predicate that is true for a forbidden import. */
export const RULES: Record<string, (i: Import) => boolean> = {
  // (the migrations beside src/ are the schema, which the database layer runs)
  'the base (common/, config/, database/) imports no feature': (i) =>
    BASE.includes(folderOf(i.file)) && !BASE.includes(folderOf(i.target)) && !i.target.startsWith('../migrations'),
  'bookings/ imports no page (web/) and no program': (i) => folderOf(i.file) === 'bookings' && ['web', 'programs'].includes(folderOf(i.target)),
  'a program imports no other program': (i) => !!programOf(i.file) && !!programOf(i.target) && programOf(i.file) !== programOf(i.target),
  'nothing imports the wiring (app.module, main, bootstrap) but the wiring': (i) =>
    ['app.module', 'main', 'bootstrap', 'error-catalogue'].includes(i.target) && !['app.module.ts', 'main.ts', 'bootstrap.ts'].includes(i.file) && folderOf(i.file) !== 'cli',
};

describe('architecture: which folder may import which', () => {
  it.each(Object.keys(RULES))('%s', (rule) => {
    expect(show(all.filter(RULES[rule]))).toEqual([]);
  });

  it('sees the imports it checks (a rule over no imports would prove nothing)', () => {
    expect(all.length).toBeGreaterThan(500);
    expect(all.some((i) => i.file === 'bookings/booking-engine.ts' && i.target === 'events/event.entity')).toBe(true);
  });

  it('finds a forbidden import when there is one', () => {
    const planted: Import = { file: 'common/errors/domain-error.ts', line: 1, target: 'bookings/booking-engine' };
    expect(RULES['the base (common/, config/, database/) imports no feature'](planted)).toBe(true);
    expect(RULES['bookings/ imports no page (web/) and no program']({ file: 'bookings/booking-engine.ts', line: 1, target: 'web/form' })).toBe(true);
    expect(RULES['a program imports no other program']({ file: 'programs/praxistage/x.ts', line: 1, target: 'programs/handwerkertag/y' })).toBe(true);
  });
});

/**
 * Only bookings/ touches the booking tables in SQL: everyone else asks the engine (writes)
 * or the read model (reads), so a change of those tables is a change of one folder.
 */
describe('architecture: who touches the booking tables', () => {
  it('is bookings/ alone', () => {
    const touching = sources()
      .filter((path) => /(FROM|JOIN|UPDATE|INTO)\s+(bookings|bookables|booking_changes)\b/.test(readFileSync(path, 'utf8')))
      .map((path) => relative(SRC, path))
      .filter((file) => folderOf(file) !== 'bookings');
    expect(touching).toEqual([]);
  });
});

/**
 * A program is known by name only in its own folder, in the list of programs and in the
 * list of booking kinds: the shared parts ask the registries the programs fill.
 */
describe('architecture: where programs and booking kinds are named', () => {
  it('is their own folders, the program list and the kind list', () => {
    const naming = sources()
      .filter((path) => /'(praxistage|handwerkertag|schule-trifft-wirtschaft|class-visit|placement|stand|session|day-registration)'/.test(readFileSync(path, 'utf8')))
      .map((path) => relative(SRC, path))
      .filter((file) => folderOf(file) !== 'programs');
    expect(naming.sort()).toEqual(['bookings/booking-status.ts', 'events/event-status.ts']);
  });
});
