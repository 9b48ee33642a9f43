import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { EntityManager } from 'typeorm';
import { Actor } from '../common/identity/actor';
import { Event } from './event.entity';
import { Program } from './event-status';
import type { DateShift } from './date-shift';

/**
 * What a program tells the shared parts about itself. The shared parts (the event page, and
 * step by step lists, mails, figures) ask the registry instead of switching on program
 * names; each program registers its definition from its own folder (src/programs/<program>/).
 */
/** The fields of an event that only some programs have, as the API names them. */
export type ProgramEventField = 'standCount' | 'hostSchoolId' | 'requestedOccupationalFields';

export interface ProgramDefinition {
  program: Program;
  /** Which program-only fields an event of this program needs or may have; any other is refused. */
  eventFields?: Partial<Record<ProgramEventField, 'required' | 'allowed'>>;
  /** What the program sets up with a new event, in its transaction (a fair's stands). */
  eventCreated?(manager: EntityManager, eventId: string, fields: Partial<Record<ProgramEventField, unknown>>): Promise<void>;
  /** What the program changes with an event's program-only fields, in its transaction. */
  eventUpdated?(manager: EntityManager, eventId: string, fields: Partial<Record<ProgramEventField, unknown>>): Promise<void>;
  /**
   * What the program carries into a copy of the event, in its transaction: what the event
   * cannot be without (a fair's stands) always, and with `withContents` what was set up inside
   * it (time slots, a day's periods and rooms, offers), with their dates moved by `shift`.
   */
  eventCopied?(manager: EntityManager, from: Event, toEventId: string, shift: DateShift, withContents: boolean): Promise<void>;
  /** What the event page shows of this program (its slots, offers, the day's grid) for the reader. */
  eventPage?(req: Request, event: Event): Promise<Record<string, unknown>>;
  /** What the organiser's page of an event shows of this program (slots, stand applications). */
  adminEventPage?(actor: Actor, event: Event): Promise<Record<string, unknown>>;
  /**
   * The capacities of an event that people know by their time (a fair's visiting slots), each
   * the id of its bookable: what an organiser's message to some of the bookers is addressed by.
   */
  slots?(actor: Actor, event: Event): Promise<Array<{ id: string; startsAt: Date; endsAt: Date }>>;
}

@Injectable()
export class ProgramRegistry {
  private readonly definitions = new Map<Program, ProgramDefinition>();

  register(definition: ProgramDefinition) {
    if (this.definitions.has(definition.program)) throw new Error(`program ${definition.program} is registered twice`);
    this.definitions.set(definition.program, definition);
  }

  of(program: Program): ProgramDefinition | undefined {
    return this.definitions.get(program);
  }

  /** Every program-only event field some program knows. */
  eventFields(): ProgramEventField[] {
    return [...new Set([...this.definitions.values()].flatMap((d) => Object.keys(d.eventFields ?? {}) as ProgramEventField[]))];
  }
}
