/**
 * A mixed-integer program written as CPLEX-LP text, the format HiGHS reads. Each program's
 * model module builds one of these with its rules as named constraints, so the text (and a
 * solver's log) reads as the rules do. Names must be unique and start with a letter.
 */
export type Term = readonly [coefficient: number, variable: string];

const NAME = /^[A-Za-z][A-Za-z0-9_.]{0,254}$/;
// HiGHS reads long lines, but other LP readers stop at 255 characters: a few terms per line keep the text portable
const TERMS_PER_LINE = 8;

export class LpModel {
  private readonly binaries = new Set<string>();
  private readonly integers = new Map<string, number>();
  private objective: Term[] = [];
  private readonly rows: string[] = [];
  private readonly rowNames = new Set<string>();

  constructor(private readonly sense: 'maximize' | 'minimize') {}

  /** A yes/no decision (0 or 1). */
  binary(name: string): string {
    if (!NAME.test(name)) throw new Error(`not an LP name: ${name}`);
    this.binaries.add(name);
    return name;
  }

  /** A whole number from 0 to `upper`. */
  integer(name: string, upper: number): string {
    if (!NAME.test(name) || this.binaries.has(name)) throw new Error(`not an LP name: ${name}`);
    this.integers.set(name, upper);
    return name;
  }

  maximizeOrMinimize(terms: Term[]): void {
    this.objective = terms;
  }

  /** A named rule: sum of terms `op` bound. A rule over no variables holds or not by itself and is left out. */
  constraint(name: string, terms: Term[], op: '<=' | '>=' | '=', bound: number): void {
    if (!NAME.test(name) || this.rowNames.has(name)) throw new Error(`not a unique LP name: ${name}`);
    if (terms.length === 0) return;
    this.rowNames.add(name);
    this.rows.push(` ${name}: ${sum(terms)} ${op} ${bound}`);
  }

  get variableCount(): number {
    return this.binaries.size + this.integers.size;
  }

  toText(): string {
    const objective = this.objective.length > 0 ? sum(this.objective) : `0 ${[...this.binaries, ...this.integers.keys()][0] ?? 'none'}`;
    return [
      this.sense === 'maximize' ? 'Maximize' : 'Minimize',
      ` objective: ${objective}`,
      'Subject To',
      ...this.rows,
      'Bounds',
      ...[...this.integers].map(([name, upper]) => ` 0 <= ${name} <= ${upper}`),
      'General',
      ...chunks([...this.integers.keys()], TERMS_PER_LINE).map((names) => ` ${names.join(' ')}`),
      'Binary',
      ...chunks([...this.binaries], TERMS_PER_LINE).map((names) => ` ${names.join(' ')}`),
      'End',
      '',
    ].join('\n');
  }
}

function sum(terms: Term[]): string {
  const written = terms.map(([c, v], i) => `${c < 0 ? '-' : i === 0 ? '' : '+'} ${Math.abs(c)} ${v}`);
  return chunks(written, TERMS_PER_LINE)
    .map((line) => line.join(' '))
    .join('\n   ');
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
