import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { AccountsService } from '../auth/accounts.service';
import { PasswordService } from '../auth/password.service';
import { Role } from '../common/identity/role';
import { loadConfig } from '../config/environment';
import { runMigrations } from '../database/migrate';
import { openDatabase } from './cli-database';

/**
 * npm run organiser:create -- --email leitung@example.org --name "Regionalmanagement"
 * Asks for the password (or reads ORGANISER_PASSWORD). Creates an organiser, or with
 * --partner a read-only partner account.
 */
async function main() {
  const { values } = parseArgs({
    options: { email: { type: 'string' }, name: { type: 'string' }, partner: { type: 'boolean', default: false } },
  });
  if (!values.email) {
    process.stderr.write('Aufruf / usage: npm run organiser:create -- --email adresse@example.org [--name "Name"] [--partner]\n');
    process.exit(64);
  }
  const config = loadConfig();
  let password = process.env.ORGANISER_PASSWORD;
  if (!password) {
    const prompt = createInterface({ input: process.stdin, output: process.stdout });
    password = await prompt.question(`Passwort (mindestens ${config.PASSWORD_MIN_LENGTH} Zeichen): `);
    prompt.close();
  }
  const database = await openDatabase(config);
  try {
    await runMigrations(database.dataSource);
    const accounts = new AccountsService(database.dataSource, new PasswordService(config));
    const role = values.partner ? Role.Partner : Role.Organiser;
    const user = await accounts.create({ email: values.email, name: values.name ?? 'Regionalmanagement', password, role });
    process.stdout.write(`${role === Role.Organiser ? 'Veranstalter-Konto' : 'Partner-Konto'} ${user.email} angelegt.\n`);
  } finally {
    await database.close();
  }
}

main().catch((error) => {
  const fields = error?.fieldErrors?.map((f: { field: string; message: string }) => `${f.field}: ${f.message}`).join(', ');
  process.stderr.write(`Fehler / error: ${fields || error?.code || error?.message || error}\n`);
  process.exit(1);
});
