import { createServer } from 'node:http';
import { commonErrors } from '../common/errors/common.errors';

export interface StandbyServer {
  /** The database answered; the app is migrating and will take over the port. */
  databaseReached(): void;
  close(): Promise<void>;
}

/**
 * Holds the app's port while it waits for its database, so that a load balancer or a
 * person asking sees why nothing works yet: `/health` answers 503 with what it waits for,
 * every other request 503 problem details with Retry-After. The app takes the port over
 * once it is ready.
 */
export async function listenWhileStarting(port: number, host: string): Promise<StandbyServer> {
  let database: 'unreachable' | 'ok' = 'unreachable';
  const server = createServer((req, res) => {
    res.setHeader('Retry-After', '5');
    if (req.url?.split('?')[0] === '/health') {
      res.writeHead(503, { 'Content-Type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify({ status: database === 'ok' ? 'starting' : 'unavailable', database }));
      return;
    }
    res.writeHead(503, { 'Content-Type': 'application/problem+json; charset=utf-8' });
    res.end(
      JSON.stringify({
        type: 'urn:praxisnah:problem:database_unavailable',
        title: 'Vorübergehend nicht verfügbar',
        status: 503,
        detail: commonErrors.database_unavailable.de,
        instance: req.url?.split('?')[0],
        code: 'database_unavailable',
      }),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return {
    databaseReached: () => (database = 'ok'),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
