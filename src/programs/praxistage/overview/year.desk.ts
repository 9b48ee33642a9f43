import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { counted, DeskEntry, DeskRegistry } from '../../../desk/desk-registry';

/**
 * On the desk: Steckbriefe waiting for review, and pupils still without a place in a phase
 * that begins within two weeks or is running (the Plan C list), per Praxistage year.
 */
@Injectable()
export class YearDesk implements OnModuleInit {
  constructor(
    private readonly registry: DeskRegistry,
    private readonly dataSource: DataSource,
  ) {}

  onModuleInit() {
    this.registry.register('praxistage-year', () => this.desk());
  }

  private async desk() {
    const rows: Array<{ event_id: string; title: string; review: number; unplaced: number }> = await this.dataSource.query(
      `SELECT e.id AS event_id, e.title,
              (SELECT count(*) FROM practicum_offers o WHERE o.event_id = e.id AND o.review_status = 'submitted')::int AS review,
              (SELECT count(*) FROM praxistage_pupils pp JOIN praxistage_phases ph ON ph.event_id = pp.event_id
                WHERE pp.event_id = e.id AND ph.first_day <= (now() AT TIME ZONE 'Europe/Berlin')::date + 14
                  AND ph.last_day >= (now() AT TIME ZONE 'Europe/Berlin')::date
                  AND NOT EXISTS (SELECT 1 FROM praxistage_applications a WHERE a.phase_id = ph.id AND a.pupil_id = pp.pupil_id AND a.status = 'accepted'))::int AS unplaced
         FROM praxistage_years y JOIN events e ON e.id = y.event_id WHERE e.status IN ('draft', 'published', 'closed') ORDER BY e.starts_on`,
    );
    const entries: DeskEntry[] = rows.flatMap((r) => [
      {
        group: 'todo' as const,
        kind: 'steckbriefe_to_review',
        count: r.review,
        href: `/praxistage/${r.event_id}#pruefen`,
        text: { de: `${counted(r.review, 'Steckbrief', 'Steckbriefe')} zu prüfen: ${r.title}`, en: `${counted(r.review, 'Steckbrief', 'Steckbriefe')} to review: ${r.title}` },
      },
      {
        group: 'todo' as const,
        kind: 'pupils_without_place',
        count: r.unplaced,
        href: `/praxistage/${r.event_id}#plan-c`,
        text: { de: `${counted(r.unplaced, 'Platz', 'Plätze')} für Schülerinnen und Schüler noch offen (Plan C): ${r.title}`, en: `${counted(r.unplaced, 'place', 'places')} for pupils still open (Plan C): ${r.title}` },
      },
    ]);
    return { entries };
  }
}
