import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../../common/identity/actor';
import { DomainError, invalidField, NotFoundError } from '../../common/errors/domain-error';
import { isStillReferenced, isUniqueViolation } from '../../database/pg-errors';
import { inTransaction } from '../../database/transaction';
import { AddEventClassDto, CreatePeriodDto, CreateRoomDto } from './dto/school-day.dto';
import { EventClass } from './event-class.entity';
import { EventPeriod } from './event-period.entity';
import { EventRoom } from './event-room.entity';
import { Event } from '../../events/event.entity';
import { canManageSchoolDay } from '../../events/event-visibility';
import { EventsService } from '../../events/events.service';
import { requireProgram } from '../../events/program-guard';
import type { DateShift } from '../../events/date-shift';

type Axis = 'periods' | 'classes' | 'rooms';
const AXES = {
  periods: { entity: EventPeriod, thing: 'period' },
  classes: { entity: EventClass, thing: 'event_class' },
  rooms: { entity: EventRoom, thing: 'room' },
} as const;

/**
 * Schule trifft Wirtschaft: the host school (or an organiser) lays out the day — the lesson
 * periods with their times, the participating classes and the rooms. Sessions are booked
 * into the grid these make.
 */
@Injectable()
export class SchoolDayService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventsService,
  ) {}

  async layout(actor: Actor | undefined, eventId: string) {
    const event = await this.events.findVisible(actor, eventId);
    requireProgram(event, 'schule-trifft-wirtschaft');
    const [periods, classes, rooms] = await Promise.all([
      this.dataSource.manager.find(EventPeriod, { where: { eventId }, order: { number: 'ASC' } }),
      this.dataSource.query(
        `SELECT ec.id, ec.event_id AS "eventId", ec.school_class_id AS "schoolClassId", sc.name, sc.grade
           FROM event_classes ec JOIN school_classes sc ON sc.id = ec.school_class_id
          WHERE ec.event_id = $1 ORDER BY sc.grade, sc.name`,
        [eventId],
      ),
      this.dataSource.manager.find(EventRoom, { where: { eventId }, order: { name: 'ASC' } }),
    ]);
    return { periods, classes, rooms };
  }

  /**
   * Next year's day at the same school: the periods at the same times on the new day, and the
   * rooms. Classes are not copied: next year's classes are other pupils, the school adds them.
   */
  async copyLayout(manager: EntityManager, fromId: string, toId: string, shift: DateShift) {
    for (const period of await manager.find(EventPeriod, { where: { eventId: fromId }, order: { number: 'ASC' } })) {
      await manager.insert(EventPeriod, { eventId: toId, number: period.number, startsAt: shift.instant(period.startsAt), endsAt: shift.instant(period.endsAt) });
    }
    await manager.query(`INSERT INTO event_rooms (event_id, name) SELECT $2, name FROM event_rooms WHERE event_id = $1`, [fromId, toId]);
  }

  addPeriod(actor: Actor, eventId: string, dto: CreatePeriodDto) {
    if (dto.endsAt <= dto.startsAt) {
      throw invalidField('endsAt', 'notAfterStart', 'combination');
    }
    return this.add(actor, eventId, async (manager) => {
      const { identifiers } = await manager.insert(EventPeriod, { ...dto, eventId });
      return manager.findOneByOrFail(EventPeriod, { id: identifiers[0].id });
    }, { event_periods_number_key: new DomainError('period_number_taken', { number: dto.number }) });
  }

  addClass(actor: Actor, eventId: string, dto: AddEventClassDto) {
    return this.add(actor, eventId, async (manager, event) => {
      const [own] = await manager.query(`SELECT 1 FROM school_classes WHERE id = $1 AND school_id = $2`, [
        dto.schoolClassId,
        event.hostSchoolId,
      ]);
      if (!own) {
        throw invalidField('schoolClassId', 'unknownClass', 'unknownClass');
      }
      const { identifiers } = await manager.insert(EventClass, { ...dto, eventId });
      return manager.findOneByOrFail(EventClass, { id: identifiers[0].id });
    }, { event_classes_once: new DomainError('class_already_participates') });
  }

  addRoom(actor: Actor, eventId: string, dto: CreateRoomDto) {
    return this.add(actor, eventId, async (manager) => {
      const { identifiers } = await manager.insert(EventRoom, { ...dto, eventId });
      return manager.findOneByOrFail(EventRoom, { id: identifiers[0].id });
    }, { event_rooms_name_key: new DomainError('room_name_taken') });
  }

  async remove(actor: Actor, eventId: string, axis: Axis, id: string) {
    await this.managed(actor, eventId, this.dataSource.manager);
    try {
      const result = await this.dataSource.manager.delete(AXES[axis].entity, { id, eventId });
      if (!result.affected) throw new NotFoundError(AXES[axis].thing);
    } catch (error) {
      if (isStillReferenced(error)) throw new DomainError('still_in_use');
      throw error;
    }
  }

  /** The event, if the actor may lay it out. */
  async managed(actor: Actor, eventId: string, manager: EntityManager): Promise<Event> {
    const event = await this.events.findVisible(actor, eventId, manager);
    requireProgram(event, 'schule-trifft-wirtschaft');
    if (!canManageSchoolDay(actor, event)) throw new DomainError('not_host_school');
    return event;
  }

  private add<T>(
    actor: Actor,
    eventId: string,
    write: (manager: EntityManager, event: Event) => Promise<T>,
    uniqueRules: Record<string, DomainError>,
  ): Promise<T> {
    return inTransaction(this.dataSource, async (manager) => {
      const event = await this.managed(actor, eventId, manager);
      try {
        return await write(manager, event);
      } catch (error) {
        const broken = Object.entries(uniqueRules).find(([constraint]) => isUniqueViolation(error, constraint));
        throw broken ? broken[1] : error;
      }
    });
  }
}
