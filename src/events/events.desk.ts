import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { formatDateTime } from '../common/time/berlin';
import { DeskEntry, DeskRegistry } from '../desk/desk-registry';

const WEEK = `now() + interval '7 days'`;

/** On the desk: registrations that open or close within the next seven days. */
@Injectable()
export class EventsDesk implements OnModuleInit {
  constructor(
    private readonly registry: DeskRegistry,
    private readonly dataSource: DataSource,
  ) {}

  onModuleInit() {
    this.registry.register('events', () => this.desk());
  }

  private async desk() {
    const rows: Array<{ id: string; title: string; what: 'opens' | 'closes'; at: Date }> = await this.dataSource.query(
      `SELECT id, title, 'opens' AS what, registration_opens_at AS at FROM events
        WHERE status IN ('draft', 'published') AND registration_opens_at BETWEEN now() AND ${WEEK}
       UNION ALL
       SELECT id, title, 'closes', registration_closes_at FROM events
        WHERE status = 'published' AND registration_closes_at BETWEEN now() AND ${WEEK}`,
    );
    const entries: DeskEntry[] = rows.map((r) => ({
      group: 'week',
      kind: r.what === 'opens' ? 'registration_opens' : 'registration_closes',
      count: 1,
      at: r.at,
      href: `/verwaltung/veranstaltungen/${r.id}`,
      text:
        r.what === 'opens'
          ? { de: `Anmeldung öffnet ${formatDateTime(r.at, 'de')} Uhr: ${r.title}`, en: `Registration opens ${formatDateTime(r.at, 'en')}: ${r.title}` }
          : { de: `Anmeldung schließt ${formatDateTime(r.at, 'de')} Uhr: ${r.title}`, en: `Registration closes ${formatDateTime(r.at, 'en')}: ${r.title}` },
    }));
    return { entries };
  }
}
