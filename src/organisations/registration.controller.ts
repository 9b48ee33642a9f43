import { Body, Controller, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../auth/auth.decorators';
import { setSessionCookie } from '../auth/session-cookie';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/environment';
import { RegisterCompanyDto, RegisterSchoolDto } from './dto/registration.dto';
import { RegistrationService } from './registration.service';

/** Self-registration; the new member is logged in at once and may keep the profile while approval is pending. */
@ApiTags('registration')
@Controller('api/v1/registrations')
export class RegistrationController {
  constructor(
    private readonly registration: RegistrationService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('company')
  @Public()
  async registerCompany(@Body() body: RegisterCompanyDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const { secret, expiresAt, ...registered } = await this.registration.registerCompany(body.company, body.member, req.ip ?? 'unknown');
    setSessionCookie(res, this.config, secret, expiresAt);
    return registered;
  }

  @Post('school')
  @Public()
  async registerSchool(@Body() body: RegisterSchoolDto, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const { secret, expiresAt, ...registered } = await this.registration.registerSchool(body.school, body.member, req.ip ?? 'unknown');
    setSessionCookie(res, this.config, secret, expiresAt);
    return registered;
  }
}
