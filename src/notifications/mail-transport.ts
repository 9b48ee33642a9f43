import { createTransport, Transporter } from 'nodemailer';
import type { AppConfig } from '../config/environment';
import { OutboxMail } from './outbox-mail.entity';

/** Where mail goes: a real SMTP server, or (without SMTP_URL) nowhere but the in-app outbox. */
export interface MailTransport {
  readonly kind: 'smtp' | 'in-app';
  send(mail: OutboxMail): Promise<void>;
  close(): void;
}

export function mailTransport(config: AppConfig): MailTransport {
  if (!config.SMTP_URL) {
    // Without a mail server the outbox is the mailbox: organisers read every mail there.
    return { kind: 'in-app', send: async () => undefined, close: () => undefined };
  }
  const url = new URL(config.SMTP_URL);
  // a server that is down must fail fast, so the worker moves on and retries later
  for (const [name, ms] of [['connectionTimeout', 10_000], ['greetingTimeout', 10_000], ['socketTimeout', 30_000]] as const) {
    if (!url.searchParams.has(name)) url.searchParams.set(name, String(ms));
  }
  const transporter: Transporter = createTransport(url.toString());
  return {
    kind: 'smtp',
    async send(mail) {
      await transporter.sendMail({
        from: config.MAIL_FROM,
        to: mail.recipient,
        subject: mail.subject,
        text: mail.textBody ?? '',
        html: mail.htmlBody ?? undefined,
        headers: { 'X-Praxisnah-Mail': mail.id },
        icalEvent: mail.calendar
          ? { method: mail.calendarMethod ?? 'PUBLISH', content: mail.calendar, filename: 'termin.ics' }
          : undefined,
        attachments: mail.attachment && mail.attachmentName
          ? [{ filename: mail.attachmentName, content: mail.attachment, contentType: 'application/pdf' }]
          : undefined,
      });
    },
    close: () => transporter.close(),
  };
}
