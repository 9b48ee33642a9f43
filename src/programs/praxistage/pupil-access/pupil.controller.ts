import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../../../auth/auth.decorators';
import { UuidParam } from '../../../common/http/uuid-param.pipe';
import { Text } from '../../../common/validation/rules';
import { ApplicationsService } from '../applications/applications.service';
import { ApplyDto, DeclineDto } from '../applications/application.dto';
import { PupilSteckbriefQuery } from '../steckbriefe/steckbrief.dto';
import { SteckbriefeService } from '../steckbriefe/steckbriefe.service';
import { YearsService } from '../year/years.service';
import { SteckbriefMarksService } from '../allocation/steckbrief-marks.service';
import { CurrentPupil, PupilGuard } from './pupil.guard';
import { PUPIL_COOKIE, PupilSession } from './pupil-session';
import { PupilSessionsService } from './pupil-sessions.service';

export class PupilLoginDto {
  /** The personal code from the school's letter, e.g. "K7QM-2XPA-HT9C" (spaces and small letters are fine). */
  @Text(40)
  code: string;
}

/**
 * The pupil's own routes: log in with the code, find Steckbriefe on one's practice day,
 * mark some on a list, apply, follow the applications, accept or decline a place. A pupil sees nothing of other
 * pupils; another pupil's application answers 404.
 */
@ApiTags('praxistage-pupil')
@ApiHeader({ name: 'X-Pupil-Session', required: false, description: 'The session from the login, for clients without cookies' })
@Controller('api/v1/pupil')
@Public()
export class PupilController {
  constructor(
    private readonly sessions: PupilSessionsService,
    private readonly years: YearsService,
    private readonly steckbriefe: SteckbriefeService,
    private readonly applications: ApplicationsService,
    private readonly marks: SteckbriefMarksService,
  ) {}

  @Post('login')
  @HttpCode(200)
  async login(@Req() req: Request, @Body() body: PupilLoginDto, @Res({ passthrough: true }) res: Response) {
    const { secret, expiresAt } = await this.sessions.login(body.code, req.ip ?? 'unknown');
    res.cookie(PUPIL_COOKIE, secret, this.sessions.cookieOptions(expiresAt));
    return { session: secret, expiresAt };
  }

  @Post('logout')
  @HttpCode(204)
  @UseGuards(PupilGuard)
  async logout(@CurrentPupil() pupil: PupilSession, @Res({ passthrough: true }) res: Response) {
    await this.sessions.logout(pupil.sessionId);
    res.clearCookie(PUPIL_COOKIE, this.sessions.cookieOptions());
  }

  /** Who I am (first name, last name, class), my practice day and the year's phases. */
  @Get('me')
  @UseGuards(PupilGuard)
  async me(@CurrentPupil() pupil: PupilSession) {
    const year = await this.years.get(undefined, pupil.eventId);
    const { sessionId: _s, ...me } = pupil;
    return { ...me, year: { title: year.title, phases: year.phases, applicationsPerPhase: year.applicationsPerPhase } };
  }

  @Get('steckbriefe')
  @UseGuards(PupilGuard)
  search(@CurrentPupil() pupil: PupilSession, @Query() query: PupilSteckbriefQuery) {
    return this.steckbriefe.forPupil(pupil, query);
  }

  @Get('steckbriefe/:steckbriefId')
  @UseGuards(PupilGuard)
  steckbrief(@CurrentPupil() pupil: PupilSession, @Param('steckbriefId', UuidParam) offerId: string) {
    return this.steckbriefe.oneForPupil(pupil, offerId);
  }

  /** The Merkliste: Steckbriefe marked to come back to; where applying brings no place, the proposal counts them as wishes. */
  @Get('marks')
  @UseGuards(PupilGuard)
  marked(@CurrentPupil() pupil: PupilSession) {
    return this.marks.of(pupil);
  }

  /** Marks a Steckbrief (again: no change); answers the list. */
  @Put('marks/:steckbriefId')
  @UseGuards(PupilGuard)
  mark(@CurrentPupil() pupil: PupilSession, @Param('steckbriefId', UuidParam) steckbriefId: string) {
    return this.marks.mark(pupil, steckbriefId);
  }

  @Delete('marks/:steckbriefId')
  @HttpCode(204)
  @UseGuards(PupilGuard)
  async unmark(@CurrentPupil() pupil: PupilSession, @Param('steckbriefId', UuidParam) steckbriefId: string) {
    await this.marks.unmark(pupil, steckbriefId);
  }

  @Get('applications')
  @UseGuards(PupilGuard)
  mine(@CurrentPupil() pupil: PupilSession) {
    return this.applications.forPupil(pupil);
  }

  @Post('applications')
  @UseGuards(PupilGuard)
  apply(@CurrentPupil() pupil: PupilSession, @Body() body: ApplyDto) {
    return this.applications.apply({ pupil }, pupil, body);
  }

  @Post('applications/:applicationId/accept')
  @HttpCode(200)
  @UseGuards(PupilGuard)
  accept(@CurrentPupil() pupil: PupilSession, @Param('applicationId', UuidParam) applicationId: string) {
    return this.applications.accept({ pupil }, pupil, applicationId);
  }

  @Post('applications/:applicationId/decline')
  @HttpCode(200)
  @UseGuards(PupilGuard)
  decline(@CurrentPupil() pupil: PupilSession, @Param('applicationId', UuidParam) applicationId: string, @Body() body: DeclineDto) {
    return this.applications.declineOffer(pupil, applicationId, body);
  }

  @Post('applications/:applicationId/withdraw')
  @HttpCode(200)
  @UseGuards(PupilGuard)
  withdraw(@CurrentPupil() pupil: PupilSession, @Param('applicationId', UuidParam) applicationId: string) {
    return this.applications.withdraw(pupil, applicationId);
  }
}
