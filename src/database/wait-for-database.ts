import { Logger } from '@nestjs/common';
import { Client } from 'pg';
import { isConnectionError } from './pg-errors';

const FIRST_PAUSE_MS = 1000;
const LONGEST_PAUSE_MS = 30_000;

/** Host, port and database of a PostgreSQL URL for log lines — never user or password. */
export function databaseAddress(url: string): string {
  const { hostname, port, pathname } = new URL(url);
  return `${hostname}:${port || 5432}${pathname}`;
}

/**
 * Returns once the PostgreSQL server answers. A server that is not up yet (a reboot, a
 * container starting after the app) is no reason to exit: the app tries again with growing
 * pauses (1 s, 2 s, 4 s … at most 30 s) for as long as it takes, and says so on every attempt.
 * What waiting does not cure (a wrong password, a missing database) is thrown at once.
 */
export async function waitForDatabase(url: string, whileUnreachable: () => Promise<void>, logger = new Logger('Database')): Promise<void> {
  const address = databaseAddress(url);
  for (let attempt = 1, pause = FIRST_PAUSE_MS; ; attempt++, pause = Math.min(pause * 2, LONGEST_PAUSE_MS)) {
    const client = new Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
      if (attempt > 1) logger.log(`Datenbank ${address} ist erreichbar / database ${address} is reachable`);
      return;
    } catch (error) {
      if (!isConnectionError(error)) throw error;
      if (attempt === 1) await whileUnreachable();
      // Node reports a refused connection to several addresses with an empty message, only a code.
      const reason = (error as Error).message || (error as { code?: string }).code;
      const seconds = pause / 1000;
      logger.warn(
        `Datenbank ${address} nicht erreichbar (${reason}), neuer Versuch in ${seconds} s / ` +
          `database ${address} unreachable (${reason}), retrying in ${seconds} s (attempt ${attempt})`,
      );
      await new Promise((resolve) => setTimeout(resolve, pause));
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}
