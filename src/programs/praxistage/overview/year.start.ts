import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor } from '../../../common/identity/actor';
import { Role } from '../../../common/identity/role';
import { counted, DeskEntry, DeskRegistry } from '../../../desk/desk-registry';

/** Days ahead in which a phase without a place becomes urgent, as on the organiser's Plan C. */
const HORIZON_DAYS = 14;

/**
 * On a school's start page: its pupils still without a place in a phase that runs or begins
 * within two weeks. On a company's: applications it has not answered yet.
 */
@Injectable()
export class YearStart implements OnModuleInit {
  constructor(
    private readonly registry: DeskRegistry,
    private readonly dataSource: DataSource,
  ) {}

  onModuleInit() {
    this.registry.registerForMembers('praxistage-year', (actor) => this.open(actor));
  }

  private async open(actor: Actor): Promise<DeskEntry[]> {
    if (actor.role === Role.SchoolMember && actor.schoolId) return this.unplaced(actor.schoolId);
    if (actor.role === Role.CompanyMember && actor.companyId) return this.unanswered(actor.companyId);
    return [];
  }

  private async unplaced(schoolId: string): Promise<DeskEntry[]> {
    const rows: Array<{ event_id: string; title: string; phase: number; unplaced: number }> = await this.dataSource.query(
      `SELECT e.id AS event_id, e.title, ph.number AS phase,
              count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM praxistage_applications a
                                  WHERE a.phase_id = ph.id AND a.pupil_id = pp.pupil_id AND a.status = 'accepted'))::int AS unplaced
         FROM praxistage_pupils pp
         JOIN events e ON e.id = pp.event_id AND e.status IN ('published', 'closed')
         JOIN praxistage_phases ph ON ph.event_id = pp.event_id
        WHERE pp.school_id = $1
          AND ph.first_day <= (now() AT TIME ZONE 'Europe/Berlin')::date + $2::int
          AND ph.last_day >= (now() AT TIME ZONE 'Europe/Berlin')::date
        GROUP BY e.id, e.title, ph.number ORDER BY ph.number`,
      [schoolId, HORIZON_DAYS],
    );
    return rows.map((r) => ({
      group: 'todo',
      kind: 'pupils_without_place',
      count: r.unplaced,
      href: `/praxistage/${r.event_id}#plan-c`,
      text: {
        de: `${counted(r.unplaced, 'Schülerin oder Schüler', 'Schülerinnen und Schüler')} ohne Praxisplatz in Phase ${r.phase}: ${r.title}`,
        en: `${counted(r.unplaced, 'pupil', 'pupils')} without a place in phase ${r.phase}: ${r.title}`,
      },
    }));
  }

  private async unanswered(companyId: string): Promise<DeskEntry[]> {
    const rows: Array<{ event_id: string; title: string; waiting: number }> = await this.dataSource.query(
      `SELECT e.id AS event_id, e.title, count(*)::int AS waiting
         FROM praxistage_applications a JOIN events e ON e.id = a.event_id
        WHERE a.company_id = $1 AND a.status IN ('submitted', 'interview')
        GROUP BY e.id, e.title ORDER BY e.title`,
      [companyId],
    );
    return rows.map((r) => ({
      group: 'todo',
      kind: 'applications_to_answer',
      count: r.waiting,
      href: `/praxistage/${r.event_id}/bewerbungen`,
      text: { de: `${counted(r.waiting, 'Bewerbung', 'Bewerbungen')} zu beantworten: ${r.title}`, en: `${counted(r.waiting, 'application', 'applications')} to answer: ${r.title}` },
    }));
  }
}
