import { Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { EventsService } from '../events/events.service';
import { ProgramRegistry } from '../events/program-registry';
import { pageContext } from './web-context';

/**
 * The event page's context, for the page itself and for every booking form on it that comes
 * back with errors. What the page shows of a program (slots, offers, the day's grid) comes
 * from the program's own definition; `form` (what was typed, the errors) goes over it all.
 */
@Injectable()
export class EventPage {
  constructor(
    private readonly events: EventsService,
    private readonly programs: ProgramRegistry,
  ) {}

  async context(req: Request, res: Response, eventId: string, form: Record<string, unknown> = {}) {
    const event = await this.events.get(req.actor, eventId);
    const section = (await this.programs.of(event.program)?.eventPage?.(req, event)) ?? {};
    return pageContext(req, res, event.title, { section: 'home', event, isOpen: event.status === 'published', ...section, ...form });
  }
}
