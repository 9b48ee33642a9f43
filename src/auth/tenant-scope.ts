import { FindManyOptions, FindOptionsWhere, ObjectLiteral, Repository, SelectQueryBuilder } from 'typeorm';
import { NotFoundError } from '../common/errors/domain-error';
import type { OrganisationKind } from '../organisations/organisation-status';
import { Actor } from './actor';
import { isStaff } from './role';

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

/**
 * A repository that cannot be queried without an actor: every read and write is
 * restricted to the actor's own organisation (`column` holds the owning company or
 * school id). Rows of other organisations behave as if they did not exist: 404.
 */
export class TenantScoped<T extends ObjectLiteral> {
  constructor(
    readonly repository: Repository<T>,
    private readonly kind: OrganisationKind,
    private readonly column: keyof T & string,
    /** Names the thing in a 404, e.g. "Die Klasse". */
    private readonly label: string,
  ) {}

  where(actor: Actor, where: FindOptionsWhere<T> = {}): FindOptionsWhere<T> {
    const tenantId = tenantIdFor(actor, this.kind);
    if (tenantId === null) return where;
    // The caller may already name the tenant column (`{ id: companyId }` on companies):
    // a different organisation than the actor's own then matches nothing, never its own.
    const asked = (where as Record<string, unknown>)[this.column];
    const scoped = asked === undefined || asked === tenantId ? tenantId : NO_ORGANISATION;
    return { ...where, [this.column]: scoped } as FindOptionsWhere<T>;
  }

  find(actor: Actor, options: FindManyOptions<T> & { where?: FindOptionsWhere<T> } = {}) {
    return this.repository.find({ ...options, where: this.where(actor, options.where) });
  }

  findAndCount(actor: Actor, options: FindManyOptions<T> & { where?: FindOptionsWhere<T> } = {}) {
    return this.repository.findAndCount({ ...options, where: this.where(actor, options.where) });
  }

  async findOne(actor: Actor, where: FindOptionsWhere<T>): Promise<T> {
    const row = await this.repository.findOneBy(this.where(actor, where));
    if (!row) throw new NotFoundError(this.label);
    return row;
  }

  /** One UPDATE restricted to the tenant (no read-modify-write that loses concurrent changes). */
  async update(actor: Actor, where: FindOptionsWhere<T>, patch: Partial<T>): Promise<T> {
    if (Object.keys(patch).length > 0) {
      const result = await this.repository.update(this.where(actor, where), patch as never);
      if (!result.affected) throw new NotFoundError(this.label);
    }
    return this.findOne(actor, where);
  }

  async delete(actor: Actor, where: FindOptionsWhere<T>): Promise<void> {
    const result = await this.repository.delete(this.where(actor, where));
    if (!result.affected) throw new NotFoundError(this.label);
  }

  queryBuilder(actor: Actor, alias: string): SelectQueryBuilder<T> {
    const qb = this.repository.createQueryBuilder(alias);
    const tenantId = tenantIdFor(actor, this.kind);
    const column = this.repository.metadata.findColumnWithPropertyName(this.column)!.databaseName;
    return tenantId === null ? qb : qb.where(`${alias}.${column} = :tenantId`, { tenantId });
  }
}
