import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError, invalidField } from '../common/errors/domain-error';
import { Actor } from '../common/identity/actor';
import { queryRows } from '../database/query-rows';
import { inTransaction } from '../database/transaction';
import { EventsService } from '../events/events.service';
import { OutboxService } from '../notifications/outbox.service';
import { EventMessageDto } from './dto/event-message.dto';
import { EventMessageViewDto, MessagePreviewDto } from './dto/event-message-view.dto';
import { MessageAudience, MessageFilter } from './message-audience';
import { MessageMails, MessageText } from './message-mails';
import { messagesOfEvent } from './message-list';

/** A sent message, and whether it was sent by an earlier request with the same key. */
export interface SentMessage {
  message: EventMessageViewDto;
  replayed: boolean;
}

/**
 * The organisers' messages to the bookers of an event: whom a message reaches and what they
 * read (preview), sending it through the outbox — the message, its mails and who got which
 * in one transaction — and the messages sent, with each recipient's state.
 */
@Injectable()
export class EventMessagesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventsService,
    private readonly audience: MessageAudience,
    private readonly mails: MessageMails,
    private readonly outbox: OutboxService,
  ) {}

  async preview(actor: Actor, eventId: string, dto: EventMessageDto): Promise<MessagePreviewDto> {
    const event = await this.events.findVisible(actor, eventId);
    const text = textOf(dto);
    const filter = await this.audience.filterOf(actor, event, dto);
    const { recipients, ...reach } = await this.audience.reach(this.dataSource.manager, eventId, filter);
    if (reach.people === 0) throw new DomainError('message_reaches_nobody');
    const englishReaders = recipients.filter((r) => r.locale === 'en').length;
    return { ...reach, englishReaders, ...filter, mails: this.mails.preview(event, text, recipients, 'Anna Beispiel') };
  }

  /**
   * Sends a message to everyone it reaches now. With a key (the page form's, or the
   * client's Idempotency-Key) it is sent once: a second request with the key — a double-click,
   * a retry — waits for the first and answers with its message; with another message, 422.
   */
  async send(actor: Actor, eventId: string, dto: EventMessageDto, key: string | null): Promise<SentMessage> {
    const event = await this.events.findVisible(actor, eventId);
    const text = textOf(dto);
    const filter = await this.audience.filterOf(actor, event, dto);
    const hash = requestHash(eventId, text, filter);
    const earlier = key ? await this.sentWithKey(actor, key, hash) : null;
    if (earlier) return earlier;
    const id = await inTransaction(this.dataSource, async (manager) => {
      const reach = await this.audience.reach(manager, eventId, filter);
      if (reach.people === 0) throw new DomainError('message_reaches_nobody');
      // a parallel request with the same key waits here until the first commits, then writes nothing
      const [message] = await queryRows<{ id: string }>(
        manager,
        `INSERT INTO event_messages (event_id, subject_de, text_de, subject_en, text_en, statuses, slot_ids, organisation_kinds,
                                     bookings, organisations, people, sent_by, send_key, request_hash)
         VALUES ($1, $2, $3, $4, $5, $6::text[], $7::uuid[], $8::text[], $9, $10, $11, $12, $13, $14)
         ON CONFLICT (sent_by, send_key) DO NOTHING RETURNING id`,
        [eventId, text.subjectDe, text.textDe, text.subjectEn, text.textEn, filter.statuses, filter.slotIds, filter.organisationKinds,
          reach.bookings, reach.organisations, reach.people, actor.userId, key, hash],
      );
      if (!message) return null;
      const mailIds = await this.outbox.insert(manager, this.mails.render(event, text, reach.recipients));
      await manager.query(
        `INSERT INTO event_message_recipients (message_id, mail_id, company_id, school_id)
         SELECT $1, mail.id, mail.company_id, mail.school_id FROM unnest($2::uuid[], $3::uuid[], $4::uuid[]) AS mail(id, company_id, school_id)`,
        [message.id, mailIds, reach.recipients.map((r) => r.companyId), reach.recipients.map((r) => r.schoolId)],
      );
      return message.id;
    });
    if (!id) return (await this.sentWithKey(actor, key!, hash))!;
    return { message: (await messagesOfEvent(this.dataSource.manager, eventId, id))[0], replayed: false };
  }

  /** The messages of an event, the newest first, each with its recipients. */
  async list(actor: Actor, eventId: string): Promise<EventMessageViewDto[]> {
    await this.events.findVisible(actor, eventId);
    return messagesOfEvent(this.dataSource.manager, eventId);
  }

  /** The message this sender already sent with the key, if any; the key with another message is refused. */
  private async sentWithKey(actor: Actor, key: string, hash: string): Promise<SentMessage | null> {
    const [earlier] = await this.dataSource.query(`SELECT id, event_id, request_hash FROM event_messages WHERE sent_by = $1 AND send_key = $2`, [actor.userId, key]);
    if (!earlier) return null;
    if (earlier.request_hash !== hash) throw new DomainError('idempotency_key_reused');
    return { message: (await messagesOfEvent(this.dataSource.manager, earlier.event_id, earlier.id))[0], replayed: true };
  }
}

/** The text of a message; an English subject without its text (or the other way round) is refused by name. */
function textOf(dto: EventMessageDto): MessageText {
  // forms send line breaks as CRLF: one kind of line break, so that paragraphs are found and a resent form is the same message
  const lines = (text: string | undefined) => text?.replace(/\r\n?/g, '\n').trim() || null;
  // a blank English field is no English version (a form sends its empty fields)
  const [subjectEn, textEn] = [lines(dto.subjectEn), lines(dto.textEn)];
  if ((subjectEn === null) !== (textEn === null)) throw invalidField(subjectEn === null ? 'subjectEn' : 'textEn', 'englishIncomplete');
  return { subjectDe: dto.subjectDe, textDe: lines(dto.textDe)!, subjectEn, textEn };
}

/** What a sending request asks for, so that a key used again for another message is noticed. */
function requestHash(eventId: string, text: MessageText, filter: MessageFilter): string {
  const sorted = (list: readonly string[]) => [...list].sort();
  const request = [eventId, text, sorted(filter.statuses), sorted(filter.slotIds), sorted(filter.organisationKinds)];
  return createHash('sha256').update(JSON.stringify(request)).digest('hex');
}
