import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/environment';
import { eventCalendar } from '../calendar/event-ics';
import { AuditService, diff } from '../audit/audit.service';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { Actor } from '../common/identity/actor';
import { DomainError, FieldError, invalidField, NotFoundError } from '../common/errors/domain-error';
import { Page, pageWindow } from '../common/http/pagination';
import { inTransaction } from '../database/transaction';
import { BookingEngine } from '../bookings/booking-engine';
import { BookingReads } from '../bookings/booking-reads';
import { ChangeEventStatusDto, CreateEventDto, EventListQuery, UpdateEventDto } from './dto/event.dto';
import { Event } from './event.entity';
import { EVENT_TRANSITIONS, Program } from './event-status';
import { ProgramRegistry } from './program-registry';
import { restrictToVisible } from './event-visibility';

export interface Availability {
  capacity: number;
  booked: number;
  free: number;
}

/** What is still free, per kind of capacity: stands, visitor places, practicum places. */
export type EventAvailability = Partial<Record<'stands' | 'visitorPlaces' | 'practicumPlaces', Availability>>;
/** Changes that move people's appointments: their calendar entries are sent again. */
const MOVES_BOOKINGS = ['title', 'venue', 'startsOn', 'endsOn'] as const;

const AVAILABILITY_NAMES = { stands: 'stands', time_slot: 'visitorPlaces', offer_weekday: 'practicumPlaces' } as const;

@Injectable()
export class EventsService {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(Event) private readonly events: Repository<Event>,
    private readonly engine: BookingEngine,
    private readonly audit: AuditService,
    private readonly programs: ProgramRegistry,
    private readonly reads: BookingReads,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(actor: Actor | undefined, query: EventListQuery): Promise<Page<Event & { availability: EventAvailability }>> {
    const { page, pageSize, skip, take } = pageWindow(query);
    const qb = restrictToVisible(this.events.createQueryBuilder('e'), actor)
      .orderBy('e.starts_on', 'ASC')
      .addOrderBy('e.id')
      .skip(skip)
      .take(take);
    if (query.program) qb.andWhere('e.program = :program', { program: query.program });
    if (query.status) qb.andWhere('e.status = :status', { status: query.status });
    if (query.from) qb.andWhere('e.ends_on >= :from', { from: query.from });
    const [items, total] = await qb.getManyAndCount();
    const availability = await this.availability(items.map((e) => e.id));
    return { items: items.map((e) => ({ ...e, availability: availability.get(e.id) ?? {} })), total, page, pageSize };
  }

  async get(actor: Actor | undefined, eventId: string) {
    const event = await this.findVisible(actor, eventId);
    return { ...event, availability: (await this.availability([event.id])).get(event.id) ?? {} };
  }

  async calendar(actor: Actor | undefined, eventId: string) {
    const event = await this.findVisible(actor, eventId);
    const body = eventCalendar([event], { locale: actor?.locale ?? 'de', publicUrl: this.config.PUBLIC_URL });
    return { body, lastModified: event.updatedAt };
  }

  /** The event if the actor may see it, else 404 (drafts do not exist for members). */
  async findVisible(actor: Actor | undefined, eventId: string, manager: EntityManager = this.dataSource.manager) {
    const event = await restrictToVisible(manager.createQueryBuilder(Event, 'e'), actor)
      .andWhere('e.id = :eventId', { eventId })
      .getOne();
    if (!event) throw new NotFoundError('event');
    return event;
  }

  async create(actor: Actor, dto: CreateEventDto) {
    this.checkCombination(dto.program, dto, 'create');
    return inTransaction(this.dataSource, async (manager) => {
      if (dto.hostSchoolId && !(await manager.query('SELECT 1 FROM schools WHERE id = $1', [dto.hostSchoolId])).length) {
        throw invalidField('hostSchoolId', 'unknownSchool', 'unknown');
      }
      const { standCount, ...fields } = dto;
      const { identifiers } = await manager.insert(Event, { ...fields, createdBy: actor.userId, status: 'draft' } as never);
      const eventId = identifiers[0].id as string;
      await this.programs.of(dto.program)?.eventCreated?.(manager, eventId, { standCount, hostSchoolId: dto.hostSchoolId });
      await this.audit.record(manager, actor, 'event', eventId, 'created', { ...dto });
      return manager.findOneByOrFail(Event, { id: eventId });
    });
  }

  async update(actor: Actor, eventId: string, dto: UpdateEventDto) {
    return inTransaction(this.dataSource, async (manager) => {
      const current = await manager
        .createQueryBuilder(Event, 'e')
        .setLock('pessimistic_write')
        .where('e.id = :eventId', { eventId })
        .getOne();
      if (!current) throw new NotFoundError('event');
      const { standCount, ...fields } = dto;
      this.checkCombination(current.program, { ...current, ...dto, hostSchoolId: current.hostSchoolId ?? undefined }, 'update');
      if (Object.keys(fields).length > 0) await manager.update(Event, { id: eventId }, fields as never);
      await this.audit.record(manager, actor, 'event', eventId, 'updated', diff(current, fields));
      if (MOVES_BOOKINGS.some((field) => dto[field] !== undefined && String(dto[field]) !== String(current[field]))) {
        await this.announceChange(manager, eventId, actor);
      }
      if (standCount !== undefined) {
        await this.programs.of(current.program)?.eventUpdated?.(manager, eventId, { standCount });
        await this.audit.record(manager, actor, 'event', eventId, 'updated', { standCount: { from: null, to: standCount } });
      }
      return manager.findOneByOrFail(Event, { id: eventId });
    });
  }

  /** Every live booking's calendar entry changes with the event: new version, 'changed' mail. */
  private async announceChange(manager: EntityManager, eventId: string, actor: Actor) {
    await this.engine.touchEvent(manager, eventId, 'changed', { actorId: actor.userId, reason: 'Veranstaltung geändert / event changed' });
  }

  /**
   * Moves the event along its life. Cancelling it cancels every live booking, frees all
   * capacity and records why, in one transaction.
   */
  async changeStatus(actor: Actor, eventId: string, dto: ChangeEventStatusDto) {
    return inTransaction(this.dataSource, async (manager) => {
      const event = await manager
        .createQueryBuilder(Event, 'e')
        .setLock('pessimistic_write')
        .where('e.id = :eventId', { eventId })
        .getOne();
      if (!event) throw new NotFoundError('event');
      if (!EVENT_TRANSITIONS[event.status].includes(dto.status)) {
        throw new DomainError('event_status_change_not_allowed', { from: event.status, to: dto.status });
      }
      await manager.update(Event, { id: eventId }, { status: dto.status });
      await this.audit.record(manager, actor, 'event', eventId, 'status_changed', { status: { from: event.status, to: dto.status }, reason: dto.reason ?? null });
      if (dto.status === 'cancelled') {
        await this.engine.cancelEvent(manager, eventId, { actorId: actor.userId, reason: dto.reason ?? 'Veranstaltung abgesagt / event cancelled' });
      }
      return manager.findOneByOrFail(Event, { id: eventId });
    });
  }

  /**
   * Rules across fields, named per field: order of dates, and the program-only fields each
   * program needs (when created) or refuses, as its definition says.
   */
  private checkCombination(program: Program, dto: Partial<CreateEventDto>, when: 'create' | 'update') {
    const problems: FieldError[] = [];
    const problem = (field: string, message: string) => problems.push({ field, code: 'combination', message });
    if (dto.startsOn && dto.endsOn && dto.endsOn < dto.startsOn) problem('endsOn', 'notAfterStart');
    if (dto.registrationOpensAt && dto.registrationClosesAt && dto.registrationClosesAt <= dto.registrationOpensAt) {
      problem('registrationClosesAt', 'notAfterStart');
    }
    const takes = this.programs.of(program)?.eventFields ?? {};
    for (const field of this.programs.eventFields()) {
      const given = Array.isArray(dto[field]) ? (dto[field] as unknown[]).length > 0 : dto[field] !== undefined && dto[field] !== null;
      if (when === 'create' && takes[field] === 'required' && !given) problem(field, 'requiredForProgram');
      if (!takes[field] && given) problem(field, 'notForProgram');
    }
    if (problems.length) throw new DomainError('validation_failed', {}, problems);
  }

  private async availability(eventIds: string[]): Promise<Map<string, EventAvailability>> {
    const result = new Map<string, EventAvailability>();
    if (eventIds.length === 0) return result;
    const rows = await this.reads.capacities(eventIds);
    for (const row of rows) {
      const entry = result.get(row.event_id) ?? {};
      entry[AVAILABILITY_NAMES[row.kind as keyof typeof AVAILABILITY_NAMES]] = { capacity: row.capacity, booked: row.booked, free: row.capacity - row.booked };
      result.set(row.event_id, entry);
    }
    return result;
  }
}
