import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../../../auth/auth.decorators';
import { UuidParam } from '../../../common/http/uuid-param.pipe';
import { Actor } from '../../../common/identity/actor';
import { Role } from '../../../common/identity/role';
import { CheckInsService } from './check-ins.service';
import { DoorLoginsService } from './door-logins.service';
import { CheckInCorrectionDto, CheckInDto, CheckInLookupDto, CheckInStatusDto, CreateDoorLoginDto, DoorLoginDto, EntrancePassDto, LiveFiguresDto, NewDoorLoginDto } from './dto/check-in.dto';
import { LiveFigures } from './live-figures';

/** Handwerkertag check-in: the entrance checks classes in by code; the organiser watches and hands out door logins. */
@ApiTags('handwerkertag')
@Controller('api/v1')
export class CheckInController {
  constructor(
    private readonly checkIns: CheckInsService,
    private readonly live: LiveFigures,
    private readonly doorLogins: DoorLoginsService,
  ) {}

  /** A booking's entrance pass: for a confirmed class visit the QR address and short code to show at the door, else nulls. */
  @Get('bookings/:bookingId/entrance-pass')
  @Roles(Role.Organiser, Role.Partner, Role.CompanyMember, Role.SchoolMember)
  @ApiOkResponse({ type: EntrancePassDto })
  entrancePass(@CurrentActor() actor: Actor, @Param('bookingId', UuidParam) bookingId: string): Promise<EntrancePassDto> {
    return this.checkIns.passOf(actor, bookingId);
  }

  /**
   * What the entrance sees for a code (QR code or short code): the class and, if it came, when
   * and by whom it was checked in. The code travels in the body, not the address, so that it
   * does not end up in access logs.
   */
  @Post('events/:eventId/check-ins/lookup')
  @HttpCode(200)
  @Roles(Role.Organiser, Role.Door)
  lookUp(@CurrentActor() actor: Actor, @Param('eventId', UuidParam) eventId: string, @Body() body: CheckInLookupDto): Promise<CheckInStatusDto> {
    return this.checkIns.status(actor, body.code, eventId);
  }

  /** The fair's confirmed class visits, each with its check-in (null until the class came). */
  @Get('events/:eventId/check-ins')
  @Roles(Role.Organiser, Role.Partner)
  list(@CurrentActor() actor: Actor, @Param('eventId', UuidParam) eventId: string): Promise<CheckInStatusDto[]> {
    return this.checkIns.ofEvent(actor, eventId);
  }

  /** Checks a class in with the pupils and teachers who actually came; a second check-in of the same class is 409 with who and when. */
  @Post('events/:eventId/check-ins')
  @Roles(Role.Organiser, Role.Door)
  checkIn(@CurrentActor() actor: Actor, @Param('eventId', UuidParam) eventId: string, @Body() body: CheckInDto): Promise<CheckInStatusDto> {
    return this.checkIns.checkIn(actor, body.code, body, eventId);
  }

  /** Corrects a check-in's numbers after a slip at the door; who corrected it is kept beside who let the class in. */
  @Patch('events/:eventId/check-ins/:bookingId')
  @Roles(Role.Organiser, Role.Door)
  correct(@CurrentActor() actor: Actor, @Param('eventId', UuidParam) eventId: string, @Param('bookingId', UuidParam) bookingId: string, @Body() body: CheckInCorrectionDto): Promise<CheckInStatusDto> {
    return this.checkIns.correct(actor, eventId, bookingId, body);
  }

  /** Takes a check-in back (the wrong class was let in): the class counts as not arrived again. */
  @Delete('events/:eventId/check-ins/:bookingId')
  @HttpCode(204)
  @Roles(Role.Organiser, Role.Door)
  async undo(@CurrentActor() actor: Actor, @Param('eventId', UuidParam) eventId: string, @Param('bookingId', UuidParam) bookingId: string): Promise<void> {
    await this.checkIns.undo(actor, eventId, bookingId);
  }

  /** People in the hall per slot, arrived against booked, the classes not arrived yet, and per school who came. */
  @Get('events/:eventId/check-ins/live')
  @Roles(Role.Organiser, Role.Partner)
  liveFigures(@CurrentActor() actor: Actor, @Param('eventId', UuidParam) eventId: string): Promise<LiveFiguresDto> {
    return this.live.ofEvent(actor, eventId);
  }

  @Get('events/:eventId/door-logins')
  @Roles(Role.Organiser)
  listDoorLogins(@CurrentActor() actor: Actor, @Param('eventId', UuidParam) eventId: string): Promise<DoorLoginDto[]> {
    return this.doorLogins.list(actor, eventId);
  }

  /** A login for entrance staff, limited to checking classes in at this fair; the password is in this answer only. */
  @Post('events/:eventId/door-logins')
  @Roles(Role.Organiser)
  createDoorLogin(@CurrentActor() actor: Actor, @Param('eventId', UuidParam) eventId: string, @Body() body: CreateDoorLoginDto): Promise<NewDoorLoginDto> {
    return this.doorLogins.create(actor, eventId, body);
  }

  /** Deletes a door login and ends its sessions; its check-ins keep its name. */
  @Delete('events/:eventId/door-logins/:userId')
  @HttpCode(204)
  @Roles(Role.Organiser)
  deleteDoorLogin(@CurrentActor() actor: Actor, @Param('eventId', UuidParam) eventId: string, @Param('userId', UuidParam) userId: string): Promise<void> {
    return this.doorLogins.remove(actor, eventId, userId);
  }
}
