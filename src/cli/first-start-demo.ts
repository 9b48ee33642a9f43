import type { INestApplication } from '@nestjs/common';
import { AccountsService } from '../auth/accounts.service';
import type { AppConfig } from '../config/environment';
import { createDemo, describeDemo } from './demo-data';

/**
 * A newcomer's `npm start`: on an empty embedded database the demo loads itself, so the
 * first page shows the programs at work instead of an empty site. Not in production, not
 * with an organiser configured, not with DEMO=false, and never over existing data.
 * Returns the logins in words for the terminal, or null where nothing was loaded.
 */
export async function demoOnFirstStart(app: INestApplication, config: AppConfig): Promise<string | null> {
  if (!config.demoOnFirstStart) return null;
  if (await app.get(AccountsService).anyAccount()) return null;
  return describeDemo(await createDemo(app), config.PUBLIC_URL);
}
