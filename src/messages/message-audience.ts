import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { bookersOf } from '../bookings/bookers';
import { BookingStatus, LIVE } from '../bookings/booking-status';
import { invalidField } from '../common/errors/domain-error';
import { Actor } from '../common/identity/actor';
import { Event } from '../events/event.entity';
import { ProgramRegistry } from '../events/program-registry';
import { membersByOrganisation } from '../notifications/recipients';
import { Recipient } from '../notifications/outbox.service';
import { EventMessageDto, MessageOrganisationKind, ORGANISATION_KINDS } from './dto/event-message.dto';

/** Whom a message is for, with every default filled in: what is stored with it and shown. */
export interface MessageFilter {
  statuses: BookingStatus[];
  slotIds: string[];
  organisationKinds: MessageOrganisationKind[];
}

/** A person a message reaches, with the organisation through which. */
export type MessageRecipient = Recipient & { companyId: string | null; schoolId: string | null };

export interface MessageReach {
  bookings: number;
  organisations: number;
  people: number;
  recipients: MessageRecipient[];
}

/**
 * Who a message with a filter reaches: the members of the organisations holding the
 * matching bookings (pupils are no members and never get mail), each once, with their language.
 */
@Injectable()
export class MessageAudience {
  constructor(private readonly programs: ProgramRegistry) {}

  /** The filter with its defaults; time slots that are not the event's are refused by name. */
  async filterOf(actor: Actor, event: Event, dto: EventMessageDto): Promise<MessageFilter> {
    const slotIds = dto.slotIds ?? [];
    if (slotIds.length > 0) {
      const known = new Set((await this.slotsOf(actor, event)).map((slot) => slot.id));
      if (slotIds.some((id) => !known.has(id))) throw invalidField('slotIds', 'notInEvent');
    }
    return {
      statuses: dto.statuses?.length ? [...dto.statuses] : [...LIVE],
      slotIds: [...slotIds],
      organisationKinds: dto.organisationKinds?.length ? [...dto.organisationKinds] : [...ORGANISATION_KINDS],
    };
  }

  /** The event's time slots to choose from; none where the program has none. */
  async slotsOf(actor: Actor, event: Event) {
    return (await this.programs.of(event.program)?.slots?.(actor, event)) ?? [];
  }

  async reach(manager: EntityManager, eventId: string, filter: MessageFilter): Promise<MessageReach> {
    const bookers = await bookersOf(manager, eventId, { statuses: filter.statuses, bookableIds: filter.slotIds, sides: filter.organisationKinds });
    const organisations = bookers.organisations.map((o) => ({ companyId: o.side === 'company' ? o.id : null, schoolId: o.side === 'school' ? o.id : null }));
    const members = await membersByOrganisation(manager, organisations);
    const seen = new Set<string>();
    const recipients = organisations.flatMap((organisation) =>
      (members.get((organisation.companyId ?? organisation.schoolId)!) ?? [])
        .filter((person) => !seen.has(person.email) && seen.add(person.email))
        .map((person) => ({ ...person, ...organisation })),
    );
    return { bookings: bookers.bookings, organisations: organisations.length, people: recipients.length, recipients };
  }
}
