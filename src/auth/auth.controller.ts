import { Body, Controller, Get, HttpCode, Inject, Patch, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/environment';
import { Actor } from '../common/identity/actor';
import { CurrentActor, DoorToo, OwnAccount, Public } from './auth.decorators';
import { CredentialsService } from './credentials.service';
import { LoginDto } from './dto/login.dto';
import { UpdateAccountDto } from './dto/update-account.dto';
import { LoginService } from './login.service';
import { PasswordResetService } from './password-reset.service';
import { PasswordResetDto, PasswordResetRequestDto } from './dto/password-reset.dto';
import { clearSessionCookie, setSessionCookie } from './session-cookie';
import { User } from './user.entity';

@ApiTags('auth')
@Controller('api/v1/auth')
export class AuthController {
  constructor(
    private readonly logins: LoginService,
    private readonly credentials: CredentialsService,
    private readonly dataSource: DataSource,
    private readonly passwordReset: PasswordResetService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Logs in with e-mail and password and sets the session cookie. Too many failures: 429. */
  @Post('login')
  @HttpCode(200)
  @Public()
  async login(@Body() body: LoginDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const { secret, expiresAt, user } = await this.logins.login(body.email, body.password, req.ip ?? 'unknown');
    setSessionCookie(res, this.config, secret, expiresAt);
    return { user, expiresAt };
  }

  /** Sends a link to set a new password — if the address has an account; the answer is the same either way. */
  @Post('password-reset')
  @HttpCode(202)
  @Public()
  async requestPasswordReset(@Body() body: PasswordResetRequestDto, @Req() req: Request) {
    await this.passwordReset.request(body.email, req.ip ?? 'unknown');
    return { accepted: true };
  }

  /** Sets a new password with the link's token (once); all sessions of the account end. */
  @Post('password-reset/confirm')
  @HttpCode(204)
  @Public()
  async resetPassword(@Body() body: PasswordResetDto) {
    await this.passwordReset.reset(body.token, body.password);
  }

  /** Ends this session (or, called with a bearer token, revokes that token). */
  @Post('logout')
  @HttpCode(204)
  @OwnAccount()
  @DoorToo()
  async logout(@CurrentActor() actor: Actor, @Res({ passthrough: true }) res: Response) {
    await this.credentials.end(actor);
    clearSessionCookie(res, this.config);
  }

  /** The logged-in account. */
  @Get('me')
  me(@CurrentActor() actor: Actor) {
    return this.credentials.findUser(actor.userId);
  }

  /** Changes the own name or language. */
  @Patch('me')
  @OwnAccount()
  @DoorToo()
  async updateMe(@CurrentActor() actor: Actor, @Body() body: UpdateAccountDto) {
    if (Object.keys(body).length > 0) await this.dataSource.manager.update(User, { id: actor.userId }, body);
    return this.credentials.findUser(actor.userId);
  }
}
