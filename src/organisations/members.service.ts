import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor } from '../common/identity/actor';
import { tenantIdFor } from '../auth/tenant-scope';
import { User } from '../auth/user.entity';
import { NotFoundError } from '../common/errors/domain-error';
import { OrganisationKind } from './organisation-status';

/** The members (contact persons, teachers) of a company or school. */
@Injectable()
export class MembersService {
  constructor(private readonly dataSource: DataSource) {}

  async list(actor: Actor, kind: OrganisationKind, organisationId: string) {
    const tenantId = tenantIdFor(actor, kind);
    if (tenantId !== null && tenantId !== organisationId) throw new NotFoundError('organisation');
    const column = kind === 'company' ? 'companyId' : 'schoolId';
    const table = kind === 'company' ? 'companies' : 'schools';
    const [exists] = await this.dataSource.query(`SELECT 1 FROM ${table} WHERE id = $1`, [organisationId]);
    if (!exists) throw new NotFoundError('organisation');
    return this.dataSource.manager.find(User, { where: { [column]: organisationId }, order: { name: 'ASC' } });
  }
}
