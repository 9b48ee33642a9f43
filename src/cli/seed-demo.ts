import { Logger } from '@nestjs/common';
import { createApp } from '../bootstrap';
import { loadConfig } from '../config/environment';
import { EMBEDDED_POOL_SIZE, startEmbeddedPostgres } from '../database/embedded-postgres';
import { createDemo, DEMO_PASSWORD } from './demo-data';

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
    const { members, pupilCodes } = await createDemo(app);
    const lines = members.map(([role, email]) => `  ${role.padEnd(28)} ${email}`).join('\n');
    process.stdout.write(`\nDemo angelegt. Anmelden auf ${config.PUBLIC_URL}/anmelden mit Passwort "${DEMO_PASSWORD}":\n${lines}\n\n`);
    // pupils have no e-mail and no password: they log in with the code from their school's letter
    const codes = pupilCodes.map(([code, who]) => `  ${code}   ${who}`).join('\n');
    if (codes) process.stdout.write(`Schülerinnen und Schüler melden sich auf ${config.PUBLIC_URL}/tip mit ihrem Code an:\n${codes}\n\n`);
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
