import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/environment';
import type { Locale } from '../common/errors/error-messages';
import { formatDateTime } from '../common/time/berlin';
import type { OrganisationKind } from '../organisations/organisation-status';
import { OutboxService } from './outbox.service';
import { membersByOrganisation } from './recipients';

/** Mails about accounts and organisations, each written in the caller's transaction. */
@Injectable()
export class AccountMails {
  constructor(
    private readonly outbox: OutboxService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async organisationRegistered(manager: EntityManager, kind: OrganisationKind, organisationId: string, organisationName: string) {
    await this.toMembers(manager, kind, organisationId, 'organisation-registered', { organisationName, reason: null });
  }

  async organisationDecided(manager: EntityManager, kind: OrganisationKind, organisationId: string, approved: boolean, reason: string | null) {
    const table = kind === 'company' ? 'companies' : 'schools';
    const [organisation] = await manager.query(`SELECT name FROM ${table} WHERE id = $1`, [organisationId]);
    await this.toMembers(manager, kind, organisationId, approved ? 'organisation-approved' : 'organisation-rejected', {
      organisationName: organisation.name,
      reason,
    });
  }

  /** The invitee has no account yet: the mail goes in the inviter's language. */
  async invited(manager: EntityManager, invitation: { email: string; acceptUrl: string; expiresAt: Date }, inviterId: string) {
    const [inviter] = await manager.query(
      `SELECT u.name, u.locale, coalesce(c.name, s.name, 'Regionalmanagement Nordthüringen') AS organisation
         FROM users u LEFT JOIN companies c ON c.id = u.company_id LEFT JOIN schools s ON s.id = u.school_id WHERE u.id = $1`,
      [inviterId],
    );
    await this.outbox.enqueue(manager, 'member-invited', [{ email: invitation.email, locale: inviter.locale, name: '' }], (locale) => ({
      inviterName: inviter.name,
      organisationName: inviter.organisation,
      url: invitation.acceptUrl,
      expiresAt: formatDateTime(invitation.expiresAt, locale),
    }));
  }

  async passwordReset(manager: EntityManager, user: { email: string; locale: Locale; name: string }, url: string, expiresAt: Date) {
    await this.outbox.enqueue(manager, 'password-reset', [user], (locale) => ({ name: user.name, url, expiresAt: formatDateTime(expiresAt, locale) }));
  }

  private async toMembers(
    manager: EntityManager,
    kind: OrganisationKind,
    organisationId: string,
    mail: 'organisation-registered' | 'organisation-approved' | 'organisation-rejected',
    data: { organisationName: string; reason: string | null },
  ) {
    const organisation = kind === 'company' ? { companyId: organisationId, schoolId: null } : { companyId: null, schoolId: organisationId };
    const members = (await membersByOrganisation(manager, [organisation])).get(organisationId) ?? [];
    await this.outbox.enqueue(manager, mail, members, (_locale, recipient) => ({ ...data, name: recipient.name, url: this.config.PUBLIC_URL }));
  }
}
