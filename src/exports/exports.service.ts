import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Actor } from '../common/identity/actor';
import { isStaff } from '../common/identity/role';
import { DomainError, NotFoundError } from '../common/errors/domain-error';
import { canManageSchoolDay } from '../events/event-visibility';
import { EventsService } from '../events/events.service';
import { AttendeeLists } from './attendee-lists';
import { ExportFormat, ListQuery } from './list-filters';
import { writeCsv } from './writers/csv-writer';
import { writeHtml } from './writers/html-writer';
import { writeXlsx } from './writers/xlsx-writer';

const FORMATS: Record<ExportFormat, { type: string; write: typeof writeCsv }> = {
  csv: { type: 'text/csv; charset=utf-8', write: writeCsv },
  xlsx: { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', write: writeXlsx },
  html: { type: 'text/html; charset=utf-8', write: writeHtml },
};

@Injectable()
export class ExportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventsService,
    private readonly lists: AttendeeLists,
  ) {}

  /**
   * Streams a list into the response. Everything that can be refused is checked before the
   * first byte, so a refusal is still a clean problem-details answer.
   */
  async send(actor: Actor, eventId: string, name: string, query: ListQuery, res: Response) {
    const definition = this.lists.get(name);
    if (!definition) throw new NotFoundError('attendee_list');
    const event = await this.events.findVisible(actor, eventId);
    if (event.program !== definition.program) throw new DomainError('wrong_program', { program: definition.program });
    if (!isStaff(actor.role) && !(definition.hostSchool && canManageSchoolDay(actor, event))) throw new DomainError('forbidden');
    const list = await definition.build(this.dataSource, eventId, query);
    const format = FORMATS[query.format ?? 'csv'];
    res.status(200);
    res.setHeader('Content-Type', format.type);
    res.setHeader('Content-Disposition', `${query.format === 'html' ? 'inline' : 'attachment'}; filename="${list.name}.${query.format ?? 'csv'}"`);
    res.setHeader('Cache-Control', 'private, no-store');
    await format.write(list, actor.locale, res);
  }
}
