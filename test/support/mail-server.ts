import { AddressInfo } from 'node:net';
import { ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A real SMTP server inside the test: collects what arrives; can go down and come back on its port. */
export class TestMailServer {
  readonly received: ParsedMail[] = [];
  private server?: SMTPServer;
  port = 0;

  async start(port = this.port): Promise<this> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, _session, callback) => {
        simpleParser(stream)
          .then((mail) => {
            this.received.push(mail);
            callback();
          })
          .catch(callback);
      },
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(port, '127.0.0.1', () => resolve());
    });
    this.port = (this.server.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  get url() {
    return `smtp://127.0.0.1:${this.port}`;
  }

  to(address: string) {
    return this.received.filter((m) => m.to && JSON.stringify(m.to).includes(address));
  }

  /** The text/calendar part of a mail, if any. */
  static calendarOf(mail: ParsedMail): string | undefined {
    const part = mail.attachments.find((a) => a.contentType.startsWith('text/calendar') || a.contentType === 'application/ics');
    return part?.content.toString('utf8');
  }
}
