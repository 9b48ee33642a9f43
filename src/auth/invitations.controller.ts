import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/environment';
import { UuidParam } from '../common/http/uuid-param.pipe';
import { Actor } from '../common/identity/actor';
import { CurrentActor, Public, Roles } from './auth.decorators';
import { AcceptInvitationDto, CreateInvitationDto } from './dto/invitation.dto';
import { InvitationsService } from './invitations.service';
import { Role } from '../common/identity/role';
import { setSessionCookie } from './session-cookie';

@ApiTags('auth')
@Controller('api/v1/invitations')
export class InvitationsController {
  constructor(
    private readonly invitations: InvitationsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Members invite colleagues into their organisation; organisers invite organisers and partners. */
  @Post()
  @Roles(Role.Organiser, Role.CompanyMember, Role.SchoolMember)
  create(@CurrentActor() actor: Actor, @Body() body: CreateInvitationDto) {
    return this.invitations.create(actor, body);
  }

  /** Open invitations of the own organisation (staff: of staff). */
  @Get()
  list(@CurrentActor() actor: Actor) {
    return this.invitations.list(actor);
  }

  @Delete(':invitationId')
  @HttpCode(204)
  @Roles(Role.Organiser, Role.CompanyMember, Role.SchoolMember)
  revoke(@CurrentActor() actor: Actor, @Param('invitationId', UuidParam) invitationId: string) {
    return this.invitations.revoke(actor, invitationId);
  }

  /** Accepts an invitation: creates the account and logs it in. */
  @Post('accept')
  @Public()
  async accept(@Body() body: AcceptInvitationDto, @Res({ passthrough: true }) res: Response) {
    const { secret, expiresAt, user } = await this.invitations.accept(body);
    setSessionCookie(res, this.config, secret, expiresAt);
    return { user, expiresAt };
  }
}
