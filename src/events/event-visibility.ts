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
  if (actor && isStaff(actor.role)) return qb;
  if (actor?.role === Role.SchoolMember && actor.schoolId) {
    return qb.andWhere(`(${alias}.status IN (:...visible) OR ${alias}.host_school_id = :ownSchool)`, {
      visible: VISIBLE_STATUSES,
      ownSchool: actor.schoolId,
    });
  }
  return qb.andWhere(`${alias}.status IN (:...visible)`, { visible: VISIBLE_STATUSES });
}

/** Organisers, and for a Schule-trifft-Wirtschaft day the members of its host school. */
export function canManageSchoolDay(actor: Actor, event: Event) {
  return actor.role === Role.Organiser || (actor.role === Role.SchoolMember && actor.schoolId === event.hostSchoolId);
}
