import { Inject, Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/environment';
import { DomainError, invalidField, NotFoundError } from '../common/errors/domain-error';
import { inTransaction } from '../database/transaction';
import { isUniqueViolation } from '../database/pg-errors';
import { AccountMails } from '../notifications/account-mails';
import { AccountsService } from './accounts.service';
import { Actor } from '../common/identity/actor';
import { CredentialsService } from './credentials.service';
import { AcceptInvitationDto, CreateInvitationDto } from './dto/invitation.dto';
import { Invitation } from './invitation.entity';
import { Role } from '../common/identity/role';
import { hashSecret, newSecret } from './secrets';

/**
 * Who an actor invites: a member its colleagues, into its own company or school; an
 * organiser further staff. Invitations an actor sees and revokes are those of its own
 * organisation (staff: staff invitations) — the same scope as everywhere else.
 */
function invitationScope(actor: Actor) {
  switch (actor.role) {
    case Role.CompanyMember:
      return { companyId: actor.companyId!, schoolId: IsNull() };
    case Role.SchoolMember:
      return { schoolId: actor.schoolId!, companyId: IsNull() };
    default:
      return { companyId: IsNull(), schoolId: IsNull() };
  }
}

@Injectable()
export class InvitationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly accounts: AccountsService,
    private readonly credentials: CredentialsService,
    private readonly mails: AccountMails,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(actor: Actor, dto: CreateInvitationDto) {
    const email = dto.email.trim().toLowerCase();
    const role = this.invitedRole(actor, dto);
    if (await this.accounts.emailExists(email)) {
      throw new DomainError('email_taken', {}, [{ field: 'email', code: 'taken', message: 'emailTaken' }]);
    }
    const secret = newSecret('pxi');
    const expiresAt = new Date(Date.now() + this.config.INVITATION_TTL_HOURS * 3600_000);
    try {
      return await inTransaction(this.dataSource, async (manager) => {
        const inserted = await manager.insert(Invitation, {
          email,
          role,
          companyId: role === Role.CompanyMember ? actor.companyId : null,
          schoolId: role === Role.SchoolMember ? actor.schoolId : null,
          invitedBy: actor.userId,
          secretHash: hashSecret(secret),
          expiresAt,
        });
        const id = inserted.identifiers[0].id as string;
        const acceptUrl = `${this.config.PUBLIC_URL}/einladung?token=${secret}`;
        await this.mails.invited(manager, { email, acceptUrl, expiresAt }, actor.userId);
        // The link is also returned, so the inviter can pass it on another way.
        return { id, email, role, expiresAt, acceptUrl };
      });
    } catch (error) {
      if (isUniqueViolation(error, 'invitations_open_email_key')) {
        throw new DomainError('invitation_pending', {}, [{ field: 'email', code: 'pending', message: 'invitationPending' }]);
      }
      throw error;
    }
  }

  list(actor: Actor) {
    return this.dataSource.manager.find(Invitation, {
      where: { ...invitationScope(actor), acceptedAt: IsNull() },
      order: { createdAt: 'DESC' },
    });
  }

  async revoke(actor: Actor, invitationId: string) {
    const result = await this.dataSource.manager.delete(Invitation, {
      id: invitationId,
      ...invitationScope(actor),
      acceptedAt: IsNull(),
    });
    if (!result.affected) throw new NotFoundError('invitation');
  }

  /** Creates the account and logs it in; the invitation is used up in the same transaction. */
  async accept(dto: AcceptInvitationDto) {
    return inTransaction(this.dataSource, async (manager) => {
      const invitation = await manager
        .createQueryBuilder(Invitation, 'i')
        .setLock('pessimistic_write')
        .where('i.secret_hash = :hash AND i.accepted_at IS NULL AND i.expires_at > now()', {
          hash: hashSecret(dto.token),
        })
        .getOne();
      if (!invitation) throw new DomainError('invitation_invalid');
      const user = await this.accounts.create(
        {
          email: invitation.email,
          name: dto.name,
          password: dto.password,
          role: invitation.role,
          companyId: invitation.companyId,
          schoolId: invitation.schoolId,
          locale: dto.locale,
        },
        manager,
      );
      await manager.update(Invitation, { id: invitation.id }, { acceptedAt: () => 'now()' } as never);
      const session = await this.credentials.startSession(user.id, manager);
      return { user, ...session };
    });
  }

  private invitedRole(actor: Actor, dto: CreateInvitationDto): Role {
    if (actor.role === Role.CompanyMember || actor.role === Role.SchoolMember) {
      if (dto.role) {
        throw invalidField('role', 'roleNotYours', 'forbidden');
      }
      return actor.role;
    }
    if (!dto.role) {
      throw invalidField('role', 'should not be empty', 'isNotEmpty');
    }
    return dto.role;
  }
}
