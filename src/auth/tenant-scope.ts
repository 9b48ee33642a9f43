import { EntityManager, FindManyOptions, FindOptionsWhere, ObjectLiteral, Repository, SelectQueryBuilder } from 'typeorm';
import { NotFoundError } from '../common/errors/domain-error';
import type { OrganisationKind } from '../organisations/organisation-status';
import { Actor } from '../common/identity/actor';
import { isStaff, Role } from '../common/identity/role';

// Matches no row: what a member sees of another kind of organisation's tables.
const NO_ORGANISATION = '00000000-0000-0000-0000-000000000000';

/**
 * The organisation whose rows of `kind` the actor may reach: `null` for staff (all rows),
 * the member's own company or school, or an id that matches nothing.
 */
export function tenantIdFor(actor: Actor, kind: OrganisationKind): string | null {
  if (isStaff(actor.role)) return null;
  const own = kind === 'company' ? actor.companyId : actor.schoolId;
  return own ?? NO_ORGANISATION;
}

/** Which column holds the owning company or school; a booking has both sides. */
export type TenantColumns<T> = Partial<Record<OrganisationKind, keyof T & string>>;

/**
 * A repository that cannot be queried without an actor: every read and write is
 * restricted to the actor's own organisation. Rows of other organisations behave as if
 * they did not exist: 404.
 */
export class TenantScoped<T extends ObjectLiteral> {
  constructor(
    readonly repository: Repository<T>,
    private readonly columns: TenantColumns<T>,
    /** The thing a 404 names, by its key (e.g. `school_class`), said in the reader's language. */
    private readonly thing: string,
  ) {}

  /** The column and value that restrict the actor, or null for staff. */
  private restriction(actor: Actor): { column: keyof T & string; tenantId: string } | null {
    if (isStaff(actor.role)) return null;
    const kind: OrganisationKind = actor.role === Role.CompanyMember ? 'company' : 'school';
    const column = this.columns[kind];
    // A member of a kind that never owns these rows: restrict any column to nothing.
    if (!column) return { column: Object.values(this.columns)[0]!, tenantId: NO_ORGANISATION };
    return { column, tenantId: tenantIdFor(actor, kind) ?? NO_ORGANISATION };
  }

  where(actor: Actor, where: FindOptionsWhere<T> = {}): FindOptionsWhere<T> {
    const restriction = this.restriction(actor);
    if (!restriction) return where;
    const { column, tenantId } = restriction;
    // The caller may already name the tenant column (`{ id: companyId }` on companies):
    // a different organisation than the actor's own then matches nothing, never its own.
    const asked = (where as Record<string, unknown>)[column];
    const scoped = asked === undefined || asked === tenantId ? tenantId : NO_ORGANISATION;
    return { ...where, [column]: scoped } as FindOptionsWhere<T>;
  }

  find(actor: Actor, options: FindManyOptions<T> & { where?: FindOptionsWhere<T> } = {}) {
    return this.repository.find({ ...options, where: this.where(actor, options.where) });
  }

  findAndCount(actor: Actor, options: FindManyOptions<T> & { where?: FindOptionsWhere<T> } = {}) {
    return this.repository.findAndCount({ ...options, where: this.where(actor, options.where) });
  }

  /** Inside a transaction pass its manager: on the embedded database another connection would wait for it. */
  async findOne(actor: Actor, where: FindOptionsWhere<T>, manager?: EntityManager): Promise<T> {
    const row = await (manager ?? this.repository.manager).findOneBy(this.repository.target, this.where(actor, where));
    if (!row) throw new NotFoundError(this.thing);
    return row;
  }

  /** One UPDATE restricted to the tenant (no read-modify-write that loses concurrent changes). */
  async update(actor: Actor, where: FindOptionsWhere<T>, patch: Partial<T>, manager?: EntityManager): Promise<T> {
    if (Object.keys(patch).length > 0) {
      const result = await (manager ?? this.repository.manager).update(this.repository.target, this.where(actor, where), patch as never);
      if (!result.affected) throw new NotFoundError(this.thing);
    }
    return this.findOne(actor, where, manager);
  }

  async delete(actor: Actor, where: FindOptionsWhere<T>, manager?: EntityManager): Promise<void> {
    const result = await (manager ?? this.repository.manager).delete(this.repository.target, this.where(actor, where));
    if (!result.affected) throw new NotFoundError(this.thing);
  }

  /** A query builder already restricted to the actor's rows (alias.column = tenant). */
  queryBuilder(actor: Actor, alias: string, manager?: EntityManager): SelectQueryBuilder<T> {
    const qb = manager
      ? manager.createQueryBuilder(this.repository.target, alias)
      : this.repository.createQueryBuilder(alias);
    const restriction = this.restriction(actor);
    if (!restriction) return qb as SelectQueryBuilder<T>;
    const column = this.repository.metadata.findColumnWithPropertyName(restriction.column)!.databaseName;
    return qb.where(`${alias}.${column} = :tenantId`, { tenantId: restriction.tenantId }) as SelectQueryBuilder<T>;
  }
}
