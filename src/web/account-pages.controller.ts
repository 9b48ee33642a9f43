import { Body, Controller, Get, Inject, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../auth/auth.decorators';
import { CredentialsService, SESSION_COOKIE } from '../auth/credentials.service';
import { LoginDto } from '../auth/dto/login.dto';
import { AcceptInvitationDto } from '../auth/dto/invitation.dto';
import { PasswordResetRequestDto } from '../auth/dto/password-reset.dto';
import { InvitationsService } from '../auth/invitations.service';
import { LoginService } from '../auth/login.service';
import { PasswordResetService } from '../auth/password-reset.service';
import { clearSessionCookie, setSessionCookie } from '../auth/session-cookie';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/environment';
import { DomainError } from '../common/errors/domain-error';
import { DISTRICTS, SCHOOL_TYPES } from '../organisations/region';
import { RegisterCompanyDto, RegisterSchoolDto } from '../organisations/dto/registration.dto';
import { RegistrationService } from '../organisations/registration.service';
import { readForm, submitForm } from './form';
import { PageRenderer } from './page-renderer';
import { pageContext, pageLocale, text } from './web-context';
import { Role } from '../common/identity/role';
import { WebExceptionFilter } from './web-exception.filter';

/** Where a login leads: back to the page that asked for it, else the role's start (staff: the desk). */
const safeNext = (next: unknown, user: { role: string; eventId?: string | null }) =>
  typeof next === 'string' && next.startsWith('/') && !next.startsWith('//')
    ? next
    : user.role === Role.Organiser || user.role === Role.Partner
      ? '/verwaltung'
      : user.role === Role.Door
        ? `/veranstaltungen/${user.eventId}/einlass`
        : '/start';

@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller()
export class AccountPagesController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly logins: LoginService,
    private readonly credentials: CredentialsService,
    private readonly registration: RegistrationService,
    private readonly passwordReset: PasswordResetService,
    private readonly invitations: InvitationsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('anmelden')
  @Public()
  loginPage(@Req() req: Request, @Res() res: Response) {
    const locale = pageLocale(req);
    res.send(this.pages.render('login', pageContext(req, res, text(locale, 'login.title'), { section: 'login', values: {}, next: req.query.weiter ?? '' })));
  }

  @Post('anmelden')
  @Public()
  async login(@Req() req: Request, @Res() res: Response, @Body() body: Record<string, unknown>) {
    const locale = pageLocale(req);
    await submitForm(res, locale, {
      dto: LoginDto,
      input: body,
      view: (shown) => this.pages.render('login', pageContext(req, res, text(locale, 'login.title'), { section: 'login', values: { email: body.email }, next: body.next, ...shown })),
      then: async ({ email, password }) => {
        const { user, secret, expiresAt } = await this.logins.login(email, password, req.ip ?? 'unknown');
        setSessionCookie(res, this.config, secret, expiresAt);
        return safeNext(body.next, user);
      },
      statusOf: (error) => (error.code === 'rate_limited' ? 429 : 401),
    });
  }
  @Post('abmelden')
  @Public()
  async logout(@Req() req: Request, @Res() res: Response) {
    if (req.actor) await this.credentials.end(req.actor);
    clearSessionCookie(res, this.config);
    res.redirect(303, '/?ok=loggedOut');
  }

  @Get('registrieren')
  @Public()
  choose(@Req() req: Request, @Res() res: Response) {
    res.send(this.pages.render('register-choose', pageContext(req, res, text(pageLocale(req), 'register.title'), { section: 'register' })));
  }

  @Get('registrieren/:kind')
  @Public()
  registerPage(@Req() req: Request, @Res() res: Response, @Param('kind') kind: string) {
    res.send(this.pages.render('register', this.registerContext(req, res, kind, {})));
  }

  @Post('registrieren/:kind')
  @Public()
  async register(@Req() req: Request, @Res() res: Response, @Param('kind') kind: string, @Body() body: Record<string, string>) {
    const locale = pageLocale(req);
    const organisation = kind === 'unternehmen' ? 'company' : 'school';
    // the form is flat: the person's fields are named person…, the rest is the organisation
    const { personName, personEmail, password, _csrf: _token, ...profile } = body;
    await submitForm<RegisterCompanyDto | RegisterSchoolDto>(res, locale, {
      dto: organisation === 'company' ? RegisterCompanyDto : RegisterSchoolDto,
      input: {
        [organisation]: organisation === 'company' ? { ...profile, apprenticeships: [] } : profile,
        member: { name: personName, email: personEmail, password, locale },
      },
      view: ({ errors, problem }) => this.pages.render('register', this.registerContext(req, res, kind, { values: body, errors: flatten(errors), problem })),
      then: async (value) => {
        const registered =
          organisation === 'company'
            ? await this.registration.registerCompany((value as RegisterCompanyDto).company, value.member, req.ip ?? 'unknown')
            : await this.registration.registerSchool((value as RegisterSchoolDto).school, value.member, req.ip ?? 'unknown');
        setSessionCookie(res, this.config, registered.secret, registered.expiresAt);
        return '/?ok=registered';
      },
    });
  }
  @Get('passwort-vergessen')
  @Public()
  forgotPage(@Req() req: Request, @Res() res: Response) {
    res.send(this.pages.render('password-forgot', pageContext(req, res, text(pageLocale(req), 'reset.title'), { values: {} })));
  }

  /** Always the same answer, whether the address has an account or not. */
  @Post('passwort-vergessen')
  @Public()
  async forgot(@Req() req: Request, @Res() res: Response, @Body() body: Record<string, string>) {
    const locale = pageLocale(req);
    const form = await readForm(PasswordResetRequestDto, body, locale);
    if (!form.value) {
      return res.status(400).send(this.pages.render('password-forgot', pageContext(req, res, text(locale, 'reset.title'), { values: body, errors: form.errors })));
    }
    try {
      await this.passwordReset.request(form.value.email, req.ip ?? 'unknown');
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'rate_limited') throw error;
    }
    res.send(this.pages.render('password-forgot', pageContext(req, res, text(locale, 'reset.title'), { sent: true })));
  }

  @Get('passwort-neu')
  @Public()
  newPasswordPage(@Req() req: Request, @Res() res: Response) {
    res.send(this.pages.render('password-new', pageContext(req, res, text(pageLocale(req), 'reset.newTitle'), { token: req.query.token ?? '' })));
  }

  @Post('passwort-neu')
  @Public()
  async newPassword(@Req() req: Request, @Res() res: Response, @Body() body: Record<string, string>) {
    const locale = pageLocale(req);
    await submitForm(res, locale, {
      input: body,
      view: (shown) => this.pages.render('password-new', pageContext(req, res, text(locale, 'reset.newTitle'), { token: body.token, ...shown })),
      then: async () => {
        await this.passwordReset.reset(String(body.token ?? ''), String(body.password ?? ''));
        return '/anmelden?ok=passwordSet';
      },
    });
  }
  @Get('einladung')
  @Public()
  invitationPage(@Req() req: Request, @Res() res: Response) {
    res.send(this.pages.render('invitation', pageContext(req, res, text(pageLocale(req), 'invitation.title'), { token: req.query.token ?? '', values: {} })));
  }

  @Post('einladung')
  @Public()
  async acceptInvitation(@Req() req: Request, @Res() res: Response, @Body() body: Record<string, string>) {
    const locale = pageLocale(req);
    await submitForm(res, locale, {
      dto: AcceptInvitationDto,
      input: { ...body, locale },
      view: (shown) => this.pages.render('invitation', pageContext(req, res, text(locale, 'invitation.title'), { token: body.token, values: body, ...shown })),
      then: async (value) => {
        const { secret, expiresAt } = await this.invitations.accept(value);
        setSessionCookie(res, this.config, secret, expiresAt);
        return '/buchungen?ok=welcome';
      },
    });
  }
  private registerContext(req: Request, res: Response, kind: string, extra: Record<string, unknown>) {
    if (kind !== 'unternehmen' && kind !== 'schule') throw new DomainError('route_not_found');
    const locale = pageLocale(req);
    return pageContext(req, res, text(locale, kind === 'unternehmen' ? 'register.company' : 'register.school'), {
      section: 'register',
      kind,
      isCompanyForm: kind === 'unternehmen',
      districts: Object.entries(DISTRICTS).map(([value, label]) => ({ value, label })),
      schoolTypes: Object.entries(SCHOOL_TYPES).map(([value, label]) => ({ value, label })),
      values: {},
      ...extra,
    });
  }
}

/** Field errors named like the form's fields: `company.postalCode` → postalCode, `member.email` → personEmail. */
function flatten(errors: Record<string, unknown>) {
  const result: Record<string, unknown> = {};
  for (const [field, message] of Object.entries(errors)) {
    const [, name] = field.split('.');
    const formName = field.startsWith('member.') ? ({ name: 'personName', email: 'personEmail', password: 'password' } as Record<string, string>)[name] ?? name : name ?? field;
    result[formName] = message;
  }
  return result;
}

export { SESSION_COOKIE };
