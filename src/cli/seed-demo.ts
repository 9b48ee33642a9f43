import { Logger } from '@nestjs/common';
import { createApp } from '../bootstrap';
import { loadConfig } from '../config/environment';
import { EMBEDDED_POOL_SIZE, startEmbeddedPostgres } from '../database/embedded-postgres';
import { createDemo, describeDemo } from './demo-data';

/**
 * npm run seed:demo — fills an empty database with a demo of all three programs and
 * prints the logins. On the embedded database stop the app first.
 */
async function main() {
  const config = { ...loadConfig(), OUTBOX_POLL_MS: 0 };
  const embedded = config.DATABASE_URL ? undefined : await startEmbeddedPostgres({ dataDir: config.DATA_DIR });
  const app = await createApp(config, embedded ? { url: embedded.url, poolSize: EMBEDDED_POOL_SIZE } : { url: config.DATABASE_URL!, poolSize: 2 });
  await app.init();
  try {
    process.stdout.write(describeDemo(await createDemo(app), config.PUBLIC_URL));
  } finally {
    await app.close();
    await embedded?.stop();
  }
}

main().catch((error) => {
  new Logger('Demo').error(error?.message ?? error);
  process.stderr.write(`Die Demo konnte nicht angelegt werden (schon vorhanden?): ${error?.code ?? error?.message ?? error}\n`);
  process.exit(1);
});
