import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One person a message went to: their mail in the outbox (address, language, state) and their organisation. */
@Entity('event_message_recipients')
export class EventMessageRecipient {
  @PrimaryColumn('uuid')
  messageId: string;

  @PrimaryColumn('uuid')
  mailId: string;

  @Column('uuid', { nullable: true })
  companyId: string | null;

  @Column('uuid', { nullable: true })
  schoolId: string | null;
}
