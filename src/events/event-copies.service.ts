import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Actor } from '../common/identity/actor';
import { inTransaction } from '../database/transaction';
import { DateShift } from './date-shift';
import { CopyEventDto } from './dto/event.dto';
import { Event } from './event.entity';
import { EventsService } from './events.service';
import { ProgramRegistry } from './program-registry';

/**
 * The same fair returns every year: a copy takes the event with all its dates moved to the new
 * first day, as a draft, and (unless asked not to) what its program set up inside it. Bookings
 * stay with the original.
 */
@Injectable()
export class EventCopies {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventsService,
    private readonly programs: ProgramRegistry,
    private readonly audit: AuditService,
  ) {}

  async copy(actor: Actor, eventId: string, dto: CopyEventDto): Promise<Event> {
    return inTransaction(this.dataSource, async (manager) => {
      const from = await this.events.findVisible(actor, eventId, manager);
      const shift = DateShift.between(from.startsOn, dto.startsOn);
      const { identifiers } = await manager.insert(Event, {
        program: from.program,
        title: dto.title ?? shift.title(from.title),
        description: from.description,
        venue: from.venue,
        startsOn: shift.date(from.startsOn),
        endsOn: shift.date(from.endsOn),
        registrationOpensAt: shift.instant(from.registrationOpensAt),
        registrationClosesAt: shift.instant(from.registrationClosesAt),
        cancellationDeadline: shift.instant(from.cancellationDeadline),
        requiresApproval: from.requiresApproval,
        hostSchoolId: from.hostSchoolId,
        requestedOccupationalFields: from.requestedOccupationalFields,
        status: 'draft',
        createdBy: actor.userId,
      });
      const copyId = identifiers[0].id as string;
      const withContents = dto.withContents ?? true;
      await this.programs.of(from.program)?.eventCopied?.(manager, from, copyId, shift, withContents);
      await this.audit.record(manager, actor, 'event', copyId, 'created', { copiedFrom: from.id, shiftedByDays: shift.days, withContents });
      return manager.findOneByOrFail(Event, { id: copyId });
    });
  }
}
