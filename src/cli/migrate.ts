import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../config/environment';
import { runMigrations } from '../database/migrate';
import { schemaDrift } from '../database/schema-drift';
import { openDatabase } from './cli-database';

/**
 * npm run migration:run | migration:revert | migration:generate -- <Name>
 * `generate` writes the SQL that would bring the schema to the entities into a new file
 * under migrations/; read it, edit it, add it to migrations/index.ts.
 */
async function main() {
  const [command, name] = process.argv.slice(2);
  const database = await openDatabase(loadConfig());
  const { dataSource } = database;
  try {
    if (command === 'run') {
      const applied = await runMigrations(dataSource);
      process.stdout.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'schema is up to date\n');
    } else if (command === 'revert') {
      await dataSource.undoLastMigration({ transaction: 'each' });
      process.stdout.write('reverted the last migration\n');
    } else if (command === 'generate' && name && /^[A-Z]\w+$/.test(name)) {
      await runMigrations(dataSource);
      const drift = await schemaDrift(dataSource);
      if (drift.up.length === 0) {
        process.stdout.write('no differences between entities and schema\n');
        return;
      }
      const timestamp = Date.now();
      const quote = (query: string) => `    await q.query(${JSON.stringify(query)});`;
      const file = join(__dirname, '..', '..', '..', 'migrations', `${timestamp}-${name}.ts`);
      writeFileSync(
        file,
        `import { MigrationInterface, QueryRunner } from 'typeorm';\n\n` +
          `export class ${name}${timestamp} implements MigrationInterface {\n  name = '${name}${timestamp}';\n\n` +
          `  async up(q: QueryRunner): Promise<void> {\n${drift.up.map(quote).join('\n')}\n  }\n\n` +
          `  async down(q: QueryRunner): Promise<void> {\n${drift.down.reverse().map(quote).join('\n')}\n  }\n}\n`,
      );
      process.stdout.write(`wrote ${file}: review it and add ${name}${timestamp} to migrations/index.ts\n`);
    } else {
      process.stderr.write('usage: migrate.js run | revert | generate <PascalCaseName>\n');
      process.exitCode = 64;
    }
  } finally {
    await database.close();
  }
}

main().catch((error) => {
  process.stderr.write(`migration failed: ${error?.message ?? error}\n`);
  process.exit(1);
});
