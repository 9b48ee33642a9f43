import { EntityManager } from 'typeorm';
import { EventMessageViewDto, MessageRecipientDto } from './dto/event-message-view.dto';

/**
 * The messages of an event (or one of them), the newest first, each with its recipients and
 * the state of their mails as the outbox has it: sent, still waiting, or failed.
 */
export async function messagesOfEvent(manager: EntityManager, eventId: string, messageId: string | null = null): Promise<EventMessageViewDto[]> {
  const messages: Array<Omit<EventMessageViewDto, 'recipients'>> = await manager.query(
    `SELECT m.id, m.event_id AS "eventId", m.subject_de AS "subjectDe", m.text_de AS "textDe", m.subject_en AS "subjectEn", m.text_en AS "textEn",
            m.statuses, m.slot_ids AS "slotIds", m.organisation_kinds AS "organisationKinds", m.bookings, m.organisations, m.people,
            m.sent_at AS "sentAt", u.name AS "sentByName"
       FROM event_messages m LEFT JOIN users u ON u.id = m.sent_by
      WHERE m.event_id = $1 AND ($2::uuid IS NULL OR m.id = $2)
      ORDER BY m.sent_at DESC, m.id`,
    [eventId, messageId],
  );
  const recipients: Array<MessageRecipientDto & { messageId: string }> = await manager.query(
    `SELECT r.message_id AS "messageId", o.recipient AS email, o.locale, coalesce(c.name, s.name) AS organisation,
            CASE WHEN r.company_id IS NOT NULL THEN 'company' WHEN r.school_id IS NOT NULL THEN 'school' END AS "organisationKind",
            o.status AS state, o.sent_at AS "sentAt", o.last_error AS "lastError"
       FROM event_message_recipients r JOIN outbox_mails o ON o.id = r.mail_id
       LEFT JOIN companies c ON c.id = r.company_id LEFT JOIN schools s ON s.id = r.school_id
      WHERE r.message_id = ANY($1::uuid[])
      ORDER BY organisation, o.recipient`,
    [messages.map((m) => m.id)],
  );
  return messages.map((message) => ({
    ...message,
    recipients: recipients.filter((r) => r.messageId === message.id).map(({ messageId: _message, ...recipient }) => recipient),
  }));
}
