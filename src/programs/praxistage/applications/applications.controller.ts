import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor } from '../../../common/identity/actor';
import { CurrentActor, Roles } from '../../../auth/auth.decorators';
import { Role } from '../../../common/identity/role';
import { UuidParam } from '../../../common/http/uuid-param.pipe';
import { ApplicationListQuery, ApplyDto, DeclineDto, InterviewDto, OutcomeDto } from './application.dto';
import { ApplicationsService } from './applications.service';
import { OutcomesService } from '../overview/outcomes.service';

/** Applications as companies and schools handle them; pupils use their own routes. */
@ApiTags('praxistage-year')
@Controller('api/v1/praxistage')
export class ApplicationsController {
  constructor(
    private readonly applications: ApplicationsService,
    private readonly outcomes: OutcomesService,
  ) {}

  /** A company's applications (first name, last name, class, school, message), a school's pupils', or all for staff. */
  @Get('years/:eventId/applications')
  list(@CurrentActor() actor: Actor, @Param('eventId', UuidParam) eventId: string, @Query() query: ApplicationListQuery) {
    return this.applications.list(actor, eventId, query);
  }

  @Post('applications/:applicationId/interview')
  @HttpCode(200)
  @Roles(Role.CompanyMember)
  invite(@CurrentActor() actor: Actor, @Param('applicationId', UuidParam) applicationId: string, @Body() body: InterviewDto) {
    return this.applications.invite(actor, applicationId, body);
  }

  @Post('applications/:applicationId/decline')
  @HttpCode(200)
  @Roles(Role.CompanyMember)
  decline(@CurrentActor() actor: Actor, @Param('applicationId', UuidParam) applicationId: string, @Body() body: DeclineDto) {
    return this.applications.decline(actor, applicationId, body);
  }

  /** Offers the place: it is held for the pupil (the year's number of days) until accepted, declined or lapsed. */
  @Post('applications/:applicationId/offer')
  @HttpCode(200)
  @Roles(Role.CompanyMember)
  offer(@CurrentActor() actor: Actor, @Param('applicationId', UuidParam) applicationId: string) {
    return this.applications.offer(actor, applicationId);
  }

  /** A coordinator applies on behalf of a pupil (for pupils without a device). */
  @Post('years/:eventId/participants/:pupilId/applications')
  @Roles(Role.SchoolMember)
  async applyFor(@CurrentActor() actor: Actor, @Param('eventId', UuidParam) eventId: string, @Param('pupilId', UuidParam) pupilId: string, @Body() body: ApplyDto) {
    return this.applications.apply({ actor }, await this.applications.pupilOfSchool(actor, eventId, pupilId), body);
  }

  @Post('years/:eventId/participants/:pupilId/applications/:applicationId/accept')
  @HttpCode(200)
  @Roles(Role.SchoolMember)
  async acceptFor(@CurrentActor() actor: Actor, @Param('eventId', UuidParam) eventId: string, @Param('pupilId', UuidParam) pupilId: string, @Param('applicationId', UuidParam) applicationId: string) {
    return this.applications.accept({ actor }, await this.applications.pupilOfSchool(actor, eventId, pupilId), applicationId);
  }

  @Post('years/:eventId/participants/:pupilId/applications/:applicationId/decline')
  @HttpCode(200)
  @Roles(Role.SchoolMember)
  async declineFor(
    @CurrentActor() actor: Actor,
    @Param('eventId', UuidParam) eventId: string,
    @Param('pupilId', UuidParam) pupilId: string,
    @Param('applicationId', UuidParam) applicationId: string,
    @Body() body: DeclineDto,
  ) {
    return this.applications.declineOffer(await this.applications.pupilOfSchool(actor, eventId, pupilId), applicationId, body);
  }

  @Post('years/:eventId/participants/:pupilId/applications/:applicationId/withdraw')
  @HttpCode(200)
  @Roles(Role.SchoolMember)
  async withdrawFor(@CurrentActor() actor: Actor, @Param('eventId', UuidParam) eventId: string, @Param('pupilId', UuidParam) pupilId: string, @Param('applicationId', UuidParam) applicationId: string) {
    return this.applications.withdraw(await this.applications.pupilOfSchool(actor, eventId, pupilId), applicationId);
  }

  /** After the year: a former pupil of this placement got an apprenticeship or a further internship offer. */
  @Post('outcomes')
  @Roles(Role.CompanyMember)
  outcome(@CurrentActor() actor: Actor, @Body() body: OutcomeDto) {
    return this.outcomes.record(actor, body);
  }
}
