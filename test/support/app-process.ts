import { ChildProcess, execFile, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** The built app as `npm start` runs it, in a process of its own that a test can signal or kill. */
const root = join(__dirname, '..', '..');
// "node <options> dist/src/main.js": the same options (the heap limit) as `npm start`
const [, ...nodeArguments] = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts.start as string).split(/\s+/);

export interface AppProcess {
  child: ChildProcess;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  /** Everything written to stdout and stderr so far. */
  output(): string;
}

/** A port nobody listens on right now, from the operating system. */
export const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

/** The apps started and not seen exiting yet, for a test's cleanup. */
const running = new Set<AppProcess>();

/** Starts the built app; DATABASE_URL only when given, so that the default is the embedded database. */
export function startAppProcess(env: Record<string, string>): AppProcess {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const child = spawn(process.execPath, nodeArguments, { cwd: root, env: { ...inherited, LOG_LEVEL: 'warn', ...env }, stdio: 'pipe' });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const app = { child, exited, output: () => output };
  running.add(app);
  void exited.then(() => running.delete(app));
  return app;
}

/** Stops every app a test started and left running (it failed half-way), so that none outlives the test run. */
export async function stopRunningApps() {
  await Promise.all([...running].map((app) => stopAppProcess(app)));
}

/** Waits for `/health` to answer 200; fails early when the app exits. */
export async function waitForHealth(base: string, child: ChildProcess, seconds = 30) {
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error('app exited');
    try {
      const res = await fetch(`${base}/health`);
      if (res.ok) return (await res.json()) as { status: string };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('no healthy answer in time');
}

/** Stops the app with SIGTERM, as a service manager does, and waits for it to exit. */
export async function stopAppProcess(app: AppProcess) {
  if (app.child.exitCode === null && app.child.signalCode === null) app.child.kill('SIGTERM');
  return app.exited;
}

/**
 * The rows of every table in the embedded database of a data folder, by table; read by
 * count-rows.mjs in a process of its own once the app has stopped.
 */
export function rowsInDataFolder(dataDir: string): Promise<Record<string, number>> {
  return new Promise((resolve, reject) =>
    execFile(process.execPath, [join(__dirname, 'count-rows.mjs'), dataDir], (error, stdout, stderr) =>
      error ? reject(new Error(`count-rows.mjs: ${stderr || error.message}`)) : resolve(JSON.parse(stdout)),
    ),
  );
}
