import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Actor } from '../common/identity/actor';
import { CredentialsService } from '../auth/credentials.service';
import { tenantIdFor } from '../auth/tenant-scope';
import { User } from '../auth/user.entity';
import { DomainError, NotFoundError } from '../common/errors/domain-error';
import { inTransaction } from '../database/transaction';
import { OrganisationKind } from './organisation-status';

const MEMBERSHIP = { company: 'companyId', school: 'schoolId' } as const;
const MEMBERSHIP_COLUMN = { company: 'company_id', school: 'school_id' } as const;

/**
 * The members (contact persons, teachers) of a company or school, and the organiser's
 * deactivating of one who left: the account stays (its name stays in histories), but it
 * can no longer log in, and what let it in ends in the same transaction.
 */
@Injectable()
export class MembersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly credentials: CredentialsService,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor, kind: OrganisationKind, organisationId: string) {
    const tenantId = tenantIdFor(actor, kind);
    if (tenantId !== null && tenantId !== organisationId) throw new NotFoundError('organisation');
    const table = kind === 'company' ? 'companies' : 'schools';
    const [exists] = await this.dataSource.query(`SELECT 1 FROM ${table} WHERE id = $1`, [organisationId]);
    if (!exists) throw new NotFoundError('organisation');
    return this.dataSource.manager.find(User, { where: { [MEMBERSHIP[kind]]: organisationId }, order: { name: 'ASC' } });
  }

  /** One member, and how many other members of the organisation can still log in (for the confirmation page). */
  async withActiveColleagues(actor: Actor, kind: OrganisationKind, organisationId: string, userId: string) {
    const member = await this.member(this.dataSource.manager, actor, kind, organisationId, userId);
    const otherActive = await this.dataSource.manager.count(User, { where: { [MEMBERSHIP[kind]]: organisationId, deactivatedAt: IsNull() } });
    return { member, otherActive: otherActive - (member.deactivatedAt ? 0 : 1) };
  }

  /**
   * Deactivates a member at once: sessions end, API tokens are revoked and open reset links
   * are used up in the same transaction, so the next request with the old cookie or token is
   * refused. The organisation's last active member may be deactivated too (the organiser
   * is told on the confirmation page that nobody of it can log in or gets mail then).
   */
  deactivate(actor: Actor, kind: OrganisationKind, organisationId: string, userId: string, reason?: string) {
    return inTransaction(this.dataSource, async (manager) => {
      const member = await this.member(manager, actor, kind, organisationId, userId, true);
      if (member.deactivatedAt) throw new DomainError('member_already_deactivated', { name: member.name });
      await manager.update(User, { id: userId }, { deactivatedAt: () => 'now()' } as never);
      await this.credentials.endEveryCredential(userId, manager);
      await this.audit.record(manager, actor, kind, organisationId, 'member_deactivated', { member: { id: userId, name: member.name }, reason: reason ?? null });
      return manager.findOneByOrFail(User, { id: userId });
    });
  }

  /** Lets the member log in again with the own password; ended sessions and tokens stay ended. */
  reactivate(actor: Actor, kind: OrganisationKind, organisationId: string, userId: string, reason?: string) {
    return inTransaction(this.dataSource, async (manager) => {
      const member = await this.member(manager, actor, kind, organisationId, userId, true);
      if (!member.deactivatedAt) throw new DomainError('member_not_deactivated', { name: member.name });
      await manager.update(User, { id: userId }, { deactivatedAt: null });
      await this.audit.record(manager, actor, kind, organisationId, 'member_reactivated', { member: { id: userId, name: member.name }, reason: reason ?? null });
      return manager.findOneByOrFail(User, { id: userId });
    });
  }

  /**
   * A member of this organisation as the actor may reach it; anyone else (another
   * organisation's member, staff, an unknown id) is missing. `lock` holds the row until the
   * transaction ends, which also waits for a login that is starting a session for it.
   */
  private async member(manager: EntityManager, actor: Actor, kind: OrganisationKind, organisationId: string, userId: string, lock = false) {
    const tenantId = tenantIdFor(actor, kind);
    if (tenantId !== null && tenantId !== organisationId) throw new NotFoundError('member');
    const query = manager.createQueryBuilder(User, 'u').where(`u.id = :userId AND u.${MEMBERSHIP_COLUMN[kind]} = :organisationId`, { userId, organisationId });
    const member = await (lock ? query.setLock('pessimistic_write') : query).getOne();
    if (!member) throw new NotFoundError('member');
    return member;
  }
}
