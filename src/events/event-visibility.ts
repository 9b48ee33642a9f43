import { SelectQueryBuilder } from 'typeorm';
import { Actor } from '../common/identity/actor';
import { isStaff, Role } from '../common/identity/role';
import { Event } from './event.entity';
import { VISIBLE_STATUSES } from './event-status';

/**
 * Who sees which events: organisers and partners all of them; everyone else (members and
 * the public) the ones that are no longer drafts; a host school also its own drafts, so
 * it can prepare its Schule-trifft-Wirtschaft day before it is published.
 */
export function restrictToVisible(qb: SelectQueryBuilder<Event>, actor: Actor | undefined, alias = 'e') {
  const parameters: Record<string, unknown> = {};
  const condition = visibleEventCondition(actor, alias, (value) => {
    const name = `visibility${Object.keys(parameters).length}`;
    parameters[name] = value;
    return `:${name}`;
  });
  return condition ? qb.andWhere(condition, parameters) : qb;
}

/**
 * The same rule as SQL for a statement written by hand (`bind` gives a value's placeholder);
 * null where the actor sees every event.
 */
export function visibleEventCondition(actor: Actor | undefined, alias: string, bind: (value: unknown) => string): string | null {
  if (actor && isStaff(actor.role)) return null;
  const visible = `${alias}.status = ANY(${bind(VISIBLE_STATUSES)}::text[])`;
  if (actor?.role === Role.SchoolMember && actor.schoolId) return `(${visible} OR ${alias}.host_school_id = ${bind(actor.schoolId)}::uuid)`;
  return visible;
}

/** Organisers, and for a Schule-trifft-Wirtschaft day the members of its host school. */
export function canManageSchoolDay(actor: Actor, event: Event) {
  return actor.role === Role.Organiser || (actor.role === Role.SchoolMember && actor.schoolId === event.hostSchoolId);
}
