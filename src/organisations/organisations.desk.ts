import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { counted, DeskRegistry, START_OF_TODAY } from '../desk/desk-registry';

/** On the desk: companies and schools waiting to be approved, and those registered today. */
@Injectable()
export class OrganisationsDesk implements OnModuleInit {
  constructor(
    private readonly registry: DeskRegistry,
    private readonly dataSource: DataSource,
  ) {}

  onModuleInit() {
    this.registry.register('organisations', () => this.desk());
  }

  private async desk() {
    const [row]: Array<{ companies: number; schools: number; today: number }> = await this.dataSource.query(
      `SELECT (SELECT count(*) FROM companies WHERE status = 'pending')::int AS companies,
              (SELECT count(*) FROM schools WHERE status = 'pending')::int AS schools,
              ((SELECT count(*) FROM companies WHERE created_at >= ${START_OF_TODAY}) + (SELECT count(*) FROM schools WHERE created_at >= ${START_OF_TODAY}))::int AS today`,
    );
    return {
      entries: [
        {
          group: 'todo' as const,
          kind: 'companies_pending',
          count: row.companies,
          text: { de: counted(row.companies, 'Betrieb wartet auf Freischaltung', 'Betriebe warten auf Freischaltung'), en: counted(row.companies, 'company waits for approval', 'companies wait for approval') },
          href: '/verwaltung/organisationen?art=unternehmen&status=pending',
        },
        {
          group: 'todo' as const,
          kind: 'schools_pending',
          count: row.schools,
          text: { de: counted(row.schools, 'Schule wartet auf Freischaltung', 'Schulen warten auf Freischaltung'), en: counted(row.schools, 'school waits for approval', 'schools wait for approval') },
          href: '/verwaltung/organisationen?art=schulen&status=pending',
        },
      ],
      figures: [{ kind: 'registrations_today', label: { de: 'Neu registriert', en: 'Registered' }, value: row.today }],
    };
  }
}
