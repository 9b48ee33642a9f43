import { DataSource, EntityManager, ObjectLiteral, Repository, SelectQueryBuilder } from 'typeorm';
import { AuditService, diff } from '../audit/audit.service';
import { TenantScoped } from '../auth/tenant-scope';
import { Actor } from '../common/identity/actor';
import { Page, pageWindow } from '../common/http/pagination';
import { likePattern } from '../common/http/search';
import { inTransaction } from '../database/transaction';
import { OrganisationKind } from './organisation-status';

/** What an organiser's list of companies or schools can be narrowed by, whatever the kind. */
export interface OrganisationListQuery {
  page?: number;
  pageSize?: number;
  q?: string;
  district?: string;
  status?: string;
}

/**
 * What companies and schools share about their profiles: the organisers' list (search,
 * district, state, paging, in name order), one profile as its own members or staff see it,
 * and changing it with an entry in the audit log. Each kind's service adds its own filter.
 */
export class OrganisationProfiles<T extends ObjectLiteral & { id: string }> {
  readonly scoped: TenantScoped<T>;

  constructor(
    repository: Repository<T>,
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly kind: OrganisationKind,
    /** The columns a search looks in. */
    private readonly searchIn: string[],
  ) {
    this.scoped = new TenantScoped(repository, { [kind]: 'id' }, kind);
  }

  async list(actor: Actor, query: OrganisationListQuery, narrow: (qb: SelectQueryBuilder<T>) => void = () => undefined): Promise<Page<T>> {
    const { page, pageSize, skip, take } = pageWindow(query);
    const qb = this.scoped.queryBuilder(actor, 'o').orderBy('o.name', 'ASC').addOrderBy('o.id').skip(skip).take(take);
    if (query.q) qb.andWhere(`(${this.searchIn.map((column) => `o.${column} ILIKE :q`).join(' OR ')})`, { q: likePattern(query.q) });
    if (query.district) qb.andWhere('o.district = :district', { district: query.district });
    if (query.status) qb.andWhere('o.status = :status', { status: query.status });
    narrow(qb);
    const [items, total] = await qb.getManyAndCount();
    return { items, total, page, pageSize };
  }

  get(actor: Actor, id: string, manager?: EntityManager) {
    return this.scoped.findOne(actor, { id } as never, manager);
  }

  update(actor: Actor, id: string, changes: Partial<T>) {
    return inTransaction(this.dataSource, async (manager) => {
      const before = await this.scoped.findOne(actor, { id } as never, manager);
      const after = await this.scoped.update(actor, { id } as never, changes as never, manager);
      await this.audit.record(manager, actor, this.kind, id, 'updated', diff(before, changes));
      return after;
    });
  }
}
