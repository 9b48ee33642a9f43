import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/environment';
import { AccountsService } from './accounts.service';
import { Role } from '../common/identity/role';
import { DomainError } from '../common/errors/domain-error';
import { User } from './user.entity';

/**
 * The first organiser: created at start-up from ORGANISER_EMAIL / ORGANISER_PASSWORD when
 * no organiser exists yet (later organisers are invited). `npm run organiser:create`
 * does the same from the command line.
 */
@Injectable()
export class OrganiserBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger('OrganiserBootstrap');

  constructor(
    private readonly dataSource: DataSource,
    private readonly accounts: AccountsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap() {
    const { ORGANISER_EMAIL: email, ORGANISER_PASSWORD: password } = this.config;
    if (!email || !password) {
      // a first start that loads the demo needs no warning
      if (!this.config.demoOnFirstStart && !(await this.dataSource.manager.exists(User))) {
        this.logger.warn(
          'Die Datenbank ist leer. Für eine Demo: App beenden, `npm run seed:demo` (oder mit eingebetteter Datenbank ohne DEMO=false neu starten). ' +
            'Für den echten Betrieb: ORGANISER_EMAIL und ORGANISER_PASSWORD setzen (siehe README).',
        );
      }
      return;
    }
    if (await this.dataSource.manager.existsBy(User, { role: Role.Organiser })) return;
    try {
      await this.accounts.create({
        email,
        password,
        name: this.config.ORGANISER_NAME ?? 'Regionalmanagement',
        role: Role.Organiser,
      });
    } catch (error) {
      // Several instances (or workers) starting at once on an empty database all try; the
      // others find the address taken by the organiser the first one just created, and start.
      if (error instanceof DomainError && error.code === 'email_taken' && (await this.dataSource.manager.existsBy(User, { role: Role.Organiser }))) return;
      throw error;
    }
    this.logger.log(`first organiser ${email} created`);
  }
}
