import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
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
    return this.views('t.event_id = $1', [eventId]);
  }

  async create(actor: Actor, eventId: string, dto: CreateTimeSlotDto) {
    if (dto.endsAt <= dto.startsAt) {
      throw invalidField('endsAt', 'notAfterStart', 'combination');
    }
    const id = await inTransaction(this.dataSource, async (manager) => {
      const event = await this.events.findVisible(actor, eventId, manager);
      requireProgram(event, 'handwerkertag');
      const bookable = { id: await this.engine.openPool(manager, eventId, 'time_slot', dto.capacity) };
      await manager.query(`INSERT INTO time_slots (id, event_id, starts_at, ends_at) VALUES ($1, $2, $3, $4)`, [
        bookable.id, eventId, dto.startsAt, dto.endsAt,
      ]);
      await this.audit.record(manager, actor, 'time_slot', bookable.id, 'created', { ...dto });
      return bookable.id as string;
    });
    return this.one(eventId, id);
  }

  async update(actor: Actor, eventId: string, slotId: string, dto: UpdateTimeSlotDto) {
    await inTransaction(this.dataSource, async (manager) => {
      await this.events.findVisible(actor, eventId, manager);
      const [exists] = await manager.query(`SELECT id FROM time_slots WHERE id = $1 AND event_id = $2`, [slotId, eventId]);
      if (!exists) throw new NotFoundError('time_slot');
      const slot = { id: slotId, capacity: (await this.reads.pools(manager, [slotId])).get(slotId)!.capacity };
      await this.engine.setCapacity(manager, slotId, dto.capacity);
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

  private async views(where: string, params: unknown[]): Promise<TimeSlotView[]> {
    const slots: Array<{ id: string; event_id: string; starts_at: Date; ends_at: Date }> = await this.dataSource.query(
      `SELECT t.id, t.event_id, t.starts_at, t.ends_at FROM time_slots t WHERE ${where} ORDER BY t.starts_at, t.id`,
      params,
    );
    const pools = await this.reads.pools(this.dataSource.manager, slots.map((s) => s.id));
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
