import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor } from '../common/identity/actor';
import { NotFoundError } from '../common/errors/domain-error';
import { Company } from '../companies/company.entity';
import { School } from '../schools/school.entity';
import { AuditService } from '../audit/audit.service';
import { inTransaction } from '../database/transaction';
import { AccountMails } from '../notifications/account-mails';
import { OrganisationKind } from './organisation-status';

const entities = { company: Company, school: School } as const;

/** The organiser's approval of a registered company or school (only approved ones may book). */
@Injectable()
export class OrganisationDecisionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly mails: AccountMails,
    private readonly audit: AuditService,
  ) {}

  /** Companies and schools that wait for an organiser's decision, the oldest first. */
  pending(): Promise<Array<{ kind: OrganisationKind; id: string; name: string; town: string; created_at: Date }>> {
    return this.dataSource.query(
      `SELECT 'company' AS kind, id, name, town, created_at FROM companies WHERE status = 'pending'
       UNION ALL SELECT 'school', id, name, town, created_at FROM schools WHERE status = 'pending' ORDER BY created_at`,
    );
  }

  approve(actor: Actor, kind: OrganisationKind, id: string) {
    return this.decide(actor, kind, id, 'approved', null);
  }

  reject(actor: Actor, kind: OrganisationKind, id: string, reason: string | null) {
    return this.decide(actor, kind, id, 'rejected', reason);
  }

  private decide(actor: Actor, kind: OrganisationKind, id: string, status: 'approved' | 'rejected', reason: string | null) {
    const entity = entities[kind];
    return inTransaction(this.dataSource, async (manager) => {
      const result = await manager
        .createQueryBuilder()
        .update(entity)
        .set({ status, decidedAt: () => 'now()', decidedBy: actor.userId, rejectionReason: reason })
        .where('id = :id', { id })
        .execute();
      if (!result.affected) throw new NotFoundError(kind);
      await this.mails.organisationDecided(manager, kind, id, status === 'approved', reason);
      await this.audit.record(manager, actor, kind, id, status, reason ? { reason } : {});
      return manager.findOneByOrFail<Company | School>(entity, { id });
    });
  }
}
