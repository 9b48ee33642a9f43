import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../../common/identity/actor';
import { invalidField, NotFoundError } from '../../common/errors/domain-error';
import { inTransaction } from '../../database/transaction';
import { BookingEngine } from '../../bookings/booking-engine';
import { BookingReads } from '../../bookings/booking-reads';
import { AuditService, diff } from '../../audit/audit.service';
import { CreateTimeSlotDto, UpdateTimeSlotDto } from './dto/time-slot.dto';
import { EventsService } from '../../events/events.service';
import { requireProgram } from '../../events/program-guard';

export interface TimeSlotView {
  id: string;
  eventId: string;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  booked: number;
  free: number;
  waitlisted: number;
}

/** Handwerkertag: the visiting time slots of a fair, each a capacity in persons. */
@Injectable()
export class TimeSlotsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventsService,
    private readonly engine: BookingEngine,
    private readonly reads: BookingReads,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor | undefined, eventId: string): Promise<TimeSlotView[]> {
    const event = await this.events.findVisible(actor, eventId);
    requireProgram(event, 'handwerkertag');
    return this.ofEvent(this.dataSource.manager, eventId);
  }

  async get(actor: Actor, eventId: string, slotId: string): Promise<TimeSlotView> {
    const event = await this.events.findVisible(actor, eventId);
    requireProgram(event, 'handwerkertag');
    return this.one(eventId, slotId);
  }

  /** The event's slots, for callers that have already checked who may see the event. */
  ofEvent(manager: EntityManager, eventId: string): Promise<TimeSlotView[]> {
    return this.views('t.event_id = $1', [eventId], manager);
  }

  async create(actor: Actor, eventId: string, dto: CreateTimeSlotDto) {
    if (dto.endsAt <= dto.startsAt) {
      throw invalidField('endsAt', 'notAfterStart', 'combination');
    }
    const id = await inTransaction(this.dataSource, async (manager) => {
      const event = await this.events.findVisible(actor, eventId, manager);
      requireProgram(event, 'handwerkertag');
      const slotId = await this.insert(manager, eventId, dto);
      await this.audit.record(manager, actor, 'time_slot', slotId, 'created', { ...dto });
      return slotId;
    });
    return this.one(eventId, id);
  }

  /** A slot is a capacity of the engine with its times beside it. */
  async insert(manager: EntityManager, eventId: string, slot: CreateTimeSlotDto): Promise<string> {
    const slotId = await this.engine.openPool(manager, eventId, 'time_slot', slot.capacity);
    await manager.query(`INSERT INTO time_slots (id, event_id, starts_at, ends_at) VALUES ($1, $2, $3, $4)`, [slotId, eventId, slot.startsAt, slot.endsAt]);
    return slotId;
  }

  async update(actor: Actor, eventId: string, slotId: string, dto: UpdateTimeSlotDto) {
    await inTransaction(this.dataSource, async (manager) => {
      await this.events.findVisible(actor, eventId, manager);
      const [current] = await manager.query(`SELECT id, starts_at, ends_at FROM time_slots WHERE id = $1 AND event_id = $2 FOR UPDATE`, [slotId, eventId]);
      if (!current) throw new NotFoundError('time_slot');
      const startsAt = dto.startsAt ?? current.starts_at;
      const endsAt = dto.endsAt ?? current.ends_at;
      if (endsAt <= startsAt) throw invalidField('endsAt', 'notAfterStart', 'combination');
      const slot = { startsAt: current.starts_at, endsAt: current.ends_at, capacity: (await this.reads.pools(manager, [slotId])).get(slotId)!.capacity };
      if (dto.capacity !== undefined) await this.engine.setCapacity(manager, slotId, dto.capacity);
      if (+startsAt !== +current.starts_at || +endsAt !== +current.ends_at) {
        await manager.query(`UPDATE time_slots SET starts_at = $2, ends_at = $3 WHERE id = $1`, [slotId, startsAt, endsAt]);
        // the classes booked into it get the new time with their calendar entry
        await this.engine.touchPool(manager, slotId, 'changed', { actorId: actor.userId, reason: 'Zeitfenster verlegt / time slot moved' });
      }
      await this.audit.record(manager, actor, 'time_slot', slotId, 'updated', diff(slot, dto));
    });
    return this.one(eventId, slotId);
  }

  async remove(actor: Actor, eventId: string, slotId: string) {
    await this.events.findVisible(actor, eventId);
    const deleted = await this.engine.removePool(this.dataSource.manager, eventId, slotId, 'time_slot');
    if (!deleted) throw new NotFoundError('time_slot');
  }

  private async one(eventId: string, slotId: string) {
    const [view] = await this.views('t.event_id = $1 AND t.id = $2', [eventId, slotId]);
    if (!view) throw new NotFoundError('time_slot');
    return view;
  }

  private async views(where: string, params: unknown[], manager: EntityManager = this.dataSource.manager): Promise<TimeSlotView[]> {
    const slots: Array<{ id: string; event_id: string; starts_at: Date; ends_at: Date }> = await manager.query(
      `SELECT t.id, t.event_id, t.starts_at, t.ends_at FROM time_slots t WHERE ${where} ORDER BY t.starts_at, t.id`,
      params,
    );
    const pools = await this.reads.pools(manager, slots.map((s) => s.id));
    return slots.map((slot) => {
      const pool = pools.get(slot.id)!;
      return {
        id: slot.id,
        eventId: slot.event_id,
        startsAt: slot.starts_at,
        endsAt: slot.ends_at,
        capacity: pool.capacity,
        booked: pool.booked,
        free: pool.capacity - pool.booked,
        waitlisted: pool.waitlisted,
      };
    });
  }
}
