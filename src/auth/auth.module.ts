import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsService } from './accounts.service';
import { ApiToken } from './api-token.entity';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { CredentialsService } from './credentials.service';
import { Invitation } from './invitation.entity';
import { InvitationsController } from './invitations.controller';
import { InvitationsService } from './invitations.service';
import { LoginService } from './login.service';
import { OrganiserBootstrap } from './organiser-bootstrap';
import { PasswordResetService } from './password-reset.service';
import { PasswordService } from './password.service';
import { Session } from './session.entity';
import { TokensController } from './tokens.controller';
import { User } from './user.entity';

@Module({
  imports: [TypeOrmModule.forFeature([User, Session, ApiToken, Invitation])],
  controllers: [AuthController, TokensController, InvitationsController],
  providers: [
    { provide: APP_GUARD, useClass: AuthGuard },
    AccountsService,
    CredentialsService,
    InvitationsService,
    LoginService,
    OrganiserBootstrap,
    PasswordService,
    PasswordResetService,
  ],
  exports: [AccountsService, CredentialsService, PasswordService, LoginService, PasswordResetService, InvitationsService],
})
export class AuthModule {}
