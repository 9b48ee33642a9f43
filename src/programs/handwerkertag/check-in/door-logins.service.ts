import { randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccountsService } from '../../../auth/accounts.service';
import { NotFoundError } from '../../../common/errors/domain-error';
import { Actor } from '../../../common/identity/actor';
import { Role } from '../../../common/identity/role';
import { queryRows } from '../../../database/query-rows';
import { inTransaction } from '../../../database/transaction';
import { CheckInsService } from './check-ins.service';
import { CreateDoorLoginDto, DoorLoginDto, NewDoorLoginDto } from './dto/check-in.dto';

/** Read off a note at the door and typed on a phone: lower case, no look-alikes. */
const PASSWORD_LETTERS = 'abcdefghjkmnpqrstuvwxyz23456789';

/**
 * Logins for the entrance staff of one fair. The organiser creates them (the password is
 * shown once, to be handed over on paper) and deletes them after the day, which ends their
 * sessions; the check-ins they made keep the name.
 */
@Injectable()
export class DoorLoginsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly accounts: AccountsService,
    private readonly checkIns: CheckInsService,
  ) {}

  async list(actor: Actor, eventId: string): Promise<DoorLoginDto[]> {
    await this.checkIns.entrance(actor, eventId);
    return this.dataSource.query(
      `SELECT id, name, email, created_at AS "createdAt", last_login_at AS "lastLoginAt" FROM users
        WHERE role = $1 AND event_id = $2 ORDER BY name, email`,
      [Role.Door, eventId],
    );
  }

  create(actor: Actor, eventId: string, dto: CreateDoorLoginDto): Promise<NewDoorLoginDto> {
    return inTransaction(this.dataSource, async (manager) => {
      await this.checkIns.entrance(actor, eventId, manager);
      const password = Array.from({ length: 4 }, () => Array.from({ length: 4 }, () => PASSWORD_LETTERS[randomInt(PASSWORD_LETTERS.length)]).join('')).join('-');
      const user = await this.accounts.create({ email: dto.email, name: dto.name, password, role: Role.Door, eventId }, manager);
      return { id: user.id, name: user.name, email: user.email, createdAt: user.createdAt, lastLoginAt: null, password };
    });
  }

  async remove(actor: Actor, eventId: string, userId: string): Promise<void> {
    await this.checkIns.entrance(actor, eventId);
    const deleted = await queryRows(this.dataSource.manager, `DELETE FROM users WHERE id = $1 AND role = $2 AND event_id = $3 RETURNING id`, [userId, Role.Door, eventId]);
    if (deleted.length === 0) throw new NotFoundError('door_login');
  }
}
