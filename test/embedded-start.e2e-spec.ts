import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { companyProfile, memberFor, PASSWORD } from './support/factories';

/**
 * `npm start` as a newcomer runs it: the built app on the embedded database in a data
 * folder, stopped with a signal and started again with its data intact.
 */
const root = join(__dirname, '..');
const main = join(root, 'dist/src/main.js');

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

function start(env: Record<string, string>) {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const child = spawn(process.execPath, [main], { cwd: root, env: { ...inherited, LOG_LEVEL: 'warn', ...env }, stdio: 'pipe' });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

async function waitForHealth(base: string, child: ChildProcess, seconds = 30) {
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error('app exited');
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

const post = (url: string, body: object) =>
  fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

describe('npm start on the embedded database', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'praxisnah-data-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('answers /health and /api/docs, and keeps its data across a restart', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const env = { PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir };
    const member = memberFor();

    const first = start(env);
    const started = Date.now();
    expect((await waitForHealth(base, first.child)).status).toBe('ok');
    expect(Date.now() - started).toBeLessThan(30_000);
    expect((await fetch(`${base}/api/docs`)).status).toBe(200);
    expect((await post(`${base}/api/v1/registrations/company`, { company: companyProfile(), member })).status).toBe(201);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(first.output()).not.toMatch(/crash|recovery/i);

    const second = start(env);
    await waitForHealth(base, second.child);
    const login = await post(`${base}/api/v1/auth/login`, { email: member.email, password: PASSWORD });
    expect(login.status).toBe(200);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  }, 90_000);

  it('refuses to start with a malformed variable and names it', async () => {
    const run = start({ PORT: 'dreitausend', PUBLIC_URL: 'localhost', DATA_DIR: dataDir });
    expect(await run.exited).toBe(78);
    expect(run.output()).toMatch(/PORT="dreitausend"/);
    expect(run.output()).toMatch(/PUBLIC_URL="localhost": must be an absolute http\(s\) URL/);
  }, 30_000);
});
