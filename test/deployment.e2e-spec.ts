import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/**
 * The scale-out deployment in docker-compose.yml (profile `scale`) and deploy/Caddyfile, read
 * as files (the tests never need Docker): several instances that agree on what must be equal,
 * reachable only through the proxy, within PostgreSQL's connections; a proxy that waits for
 * them, sends to each of them and checks their /health.
 */
interface Service {
  profiles?: string[];
  build?: unknown;
  image?: string;
  ports?: unknown[];
  depends_on?: Record<string, unknown> | string[];
  environment?: Record<string, string>;
  volumes?: string[];
}

const root = join(__dirname, '..');
const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'), { merge: true }) as { services: Record<string, Service> };
const caddyfile = readFileSync(join(root, 'deploy', 'Caddyfile'), 'utf8');
const caddyDirectives = caddyfile.split('\n').map((line) => line.replace(/#.*/, '').trim()).filter(Boolean);

const inScale = Object.entries(compose.services).filter(([, service]) => service.profiles?.includes('scale'));
const instances = inScale.filter(([, service]) => service.build !== undefined);
const [proxyName, proxy] = inScale.find(([, service]) => service.image?.startsWith('caddy:')) ?? [];
const env = (service: Service, name: string) => service.environment?.[name];
/** PostgreSQL's default max_connections less the 3 kept for superusers. */
const POSTGRES_CONNECTIONS = 100 - 3;

describe('docker-compose.yml, profile scale', () => {
  it('runs at least two app instances built from this repository, and a Caddy proxy', () => {
    expect(instances.length).toBeGreaterThanOrEqual(2);
    expect(proxyName).toBeDefined();
  });

  it('starts the proxy after every instance, and the proxy sends to each at its port', () => {
    const dependsOn = Array.isArray(proxy!.depends_on) ? proxy!.depends_on : Object.keys(proxy!.depends_on ?? {});
    const upstreams = env(proxy!, 'PRAXISNAH_UPSTREAMS')!.split(/\s+/);
    for (const [name, service] of instances) {
      expect(dependsOn).toContain(name);
      expect(upstreams).toContain(`${name}:${env(service, 'PORT')}`);
    }
    expect(upstreams).toHaveLength(instances.length);
    expect(proxy!.volumes).toContain('./deploy/Caddyfile:/etc/caddy/Caddyfile:ro');
  });

  it('gives every instance the same database, check-in secret, public address and mode', () => {
    for (const name of ['DATABASE_URL', 'CHECK_IN_SECRET', 'PUBLIC_URL', 'NODE_ENV', 'SMTP_URL', 'DATABASE_POOL_SIZE']) {
      const values = new Set(instances.map(([, service]) => env(service, name)));
      expect({ [name]: values.size }).toEqual({ [name]: 1 });
      expect(instances.every(([, service]) => env(service, name))).toBe(true);
    }
    // links in mails point at the proxy, on the port it publishes
    const published = (proxy!.ports ?? []).map((port) => String(port).split(':')[0]);
    expect(published).toContain(new URL(env(instances[0][1], 'PUBLIC_URL')!).port);
  });

  it('trusts X-Forwarded-For only where no client can reach an instance but through the proxy', () => {
    for (const [, service] of instances) {
      expect(env(service, 'TRUST_PROXY')).toBe('true');
      expect(service.ports).toBeUndefined();
    }
    // Caddy as the first hop replaces a client's X-Forwarded-For; trusting a proxy in front
    // of it would let that header through, so it is a decision to make with care
    expect(caddyDirectives.some((line) => line.startsWith('trusted_proxies'))).toBe(false);
  });

  it('keeps all instances within PostgreSQL’s connections, with room for one more during a restart', () => {
    const pool = Number(env(instances[0][1], 'DATABASE_POOL_SIZE'));
    expect((instances.length + 1) * pool).toBeLessThanOrEqual(POSTGRES_CONNECTIONS);
  });

  it('leaves the default `docker compose up` as it was: one app on port 3000, no proxy', () => {
    const defaults = Object.entries(compose.services).filter(([, service]) => !service.profiles);
    expect(defaults.map(([name]) => name).sort()).toEqual(['app', 'mail', 'postgres']);
    expect(compose.services.app.ports).toEqual(['3000:3000']);
  });
});

describe('deploy/Caddyfile', () => {
  it('checks each instance actively on /health and passively on failed requests', () => {
    expect(caddyDirectives).toContain('health_uri /health');
    expect(caddyDirectives.some((line) => /^fail_duration \S+/.test(line))).toBe(true);
  });

  it('takes its instances and address from the environment, so the same file serves without Docker', () => {
    expect(caddyDirectives.some((line) => line.startsWith('reverse_proxy {$PRAXISNAH_UPSTREAMS'))).toBe(true);
    expect(caddyDirectives.some((line) => line.startsWith('{$PRAXISNAH_SITE'))).toBe(true);
  });
});
