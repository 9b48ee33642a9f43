import { Injectable } from '@nestjs/common';
import { BOOKING_HISTORY_AS_LOG } from '../bookings/booking-reads';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../common/identity/actor';
import { Page, pageWindow } from '../common/http/pagination';
import { AuditQuery } from './audit.query';

export type AuditedEntity = 'company' | 'school' | 'school_class' | 'pupil' | 'event' | 'practicum_offer' | 'time_slot' | 'check_in';
export type AuditAction = 'created' | 'updated' | 'deleted' | 'approved' | 'rejected' | 'status_changed' | 'member_deactivated' | 'member_reactivated';

/** Pupils are minors: their log names the fields that changed, never the values. */
const VALUES_NOT_LOGGED: readonly AuditedEntity[] = ['pupil'];

const comparable = (value: unknown) => (value instanceof Date ? value.toISOString() : JSON.stringify(value ?? null));

/** {field: {from, to}} for every field of `changes` that differs from `before`. */
export function diff(before: object, changes: object): Record<string, { from: unknown; to: unknown }> {
  const result: Record<string, { from: unknown; to: unknown }> = {};
  for (const [field, to] of Object.entries(changes)) {
    const from = (before as Record<string, unknown>)[field];
    if (to !== undefined && comparable(from) !== comparable(to)) result[field] = { from, to };
  }
  return result;
}

/**
 * Who changed which profile, class, pupil, event or offer, when, from what to what —
 * written with the caller's manager, in the same transaction as the change. Booking
 * changes have their own history (booking_changes); the log shows both.
 */
@Injectable()
export class AuditService {
  constructor(private readonly dataSource: DataSource) {}

  async record(
    manager: EntityManager,
    actor: Actor | null,
    entityType: AuditedEntity,
    entityId: string,
    action: AuditAction,
    changes: Record<string, unknown> = {},
  ): Promise<void> {
    if (action === 'updated' && Object.keys(changes).length === 0) return; // nothing changed
    const logged = VALUES_NOT_LOGGED.includes(entityType) ? { fields: Object.keys(changes) } : changes;
    await manager.query(
      `INSERT INTO audit_log (actor_id, entity_type, entity_id, action, changes) VALUES ($1, $2, $3, $4, $5)`,
      [actor?.userId ?? null, entityType, entityId, action, JSON.stringify(logged)],
    );
  }

  /** The log, newest first: profile and event changes together with booking changes. */
  async list(query: AuditQuery): Promise<Page<Record<string, unknown>>> {
    const { page, pageSize, skip, take } = pageWindow(query);
    const params: unknown[] = [query.entityType ?? null, query.entityId ?? null, query.actorId ?? null, query.from ?? null, query.to ?? null];
    const union = `
      SELECT 'audit-' || a.id AS id, a.occurred_at, a.actor_id, u.name AS actor_name, a.entity_type, a.entity_id, a.action, a.changes
        FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
      UNION ALL ${BOOKING_HISTORY_AS_LOG}`;
    // a day's start in German time: the date as a wall-clock time, read in Berlin (a bare date
    // AT TIME ZONE would be read as midnight UTC first, and the day would start at 02:00 or 03:00)
    const where = `WHERE ($1::text IS NULL OR entity_type = $1) AND ($2::uuid IS NULL OR entity_id = $2)
        AND ($3::uuid IS NULL OR actor_id = $3) AND ($4::date IS NULL OR occurred_at >= ($4::date::timestamp AT TIME ZONE 'Europe/Berlin'))
        AND ($5::date IS NULL OR occurred_at < (($5::date + 1)::timestamp AT TIME ZONE 'Europe/Berlin'))`;
    const [items, [{ total }]] = await Promise.all([
      this.dataSource.query(
        `SELECT id, occurred_at AS "occurredAt", actor_id AS "actorId", actor_name AS "actorName", entity_type AS "entityType",
                entity_id AS "entityId", action, changes
           FROM (${union}) log ${where} ORDER BY occurred_at DESC, id DESC LIMIT ${take} OFFSET ${skip}`,
        params,
      ),
      this.dataSource.query(`SELECT count(*)::int AS total FROM (${union}) log ${where}`, params),
    ]);
    return { items, total, page, pageSize };
  }
}
