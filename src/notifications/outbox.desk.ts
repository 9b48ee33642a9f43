import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { counted, DeskRegistry } from '../desk/desk-registry';

/** On the desk: mails that could not be delivered after every attempt (to look at and send again). */
@Injectable()
export class OutboxDesk implements OnModuleInit {
  constructor(
    private readonly registry: DeskRegistry,
    private readonly dataSource: DataSource,
  ) {}

  onModuleInit() {
    this.registry.register('outbox', () => this.desk());
  }

  private async desk() {
    const [row]: Array<{ failed: number }> = await this.dataSource.query(`SELECT count(*)::int AS failed FROM outbox_mails WHERE status = 'failed'`);
    return {
      entries: [
        {
          group: 'todo' as const,
          kind: 'mails_failed',
          count: row.failed,
          text: { de: counted(row.failed, 'Mail konnte nicht zugestellt werden', 'Mails konnten nicht zugestellt werden'), en: counted(row.failed, 'mail could not be delivered', 'mails could not be delivered') },
          href: '/verwaltung/postausgang',
        },
      ],
    };
  }
}
