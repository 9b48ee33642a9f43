import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { Actor } from '../common/identity/actor';
import { Role } from '../common/identity/role';
import { DeskService } from './desk.service';

@ApiTags('desk')
@Controller('api/v1/desk')
export class DeskController {
  constructor(private readonly desk: DeskService) {}

  /** What needs doing (with where it is done), what opens or closes this week, the day's figures. Staff only. */
  @Get()
  @Roles(Role.Organiser, Role.Partner)
  get() {
    return this.desk.desk();
  }

  /** A company's or school's own start: its next dates and what is still open (classes without a visit, applications to answer, …). */
  @Get('mine')
  @Roles(Role.CompanyMember, Role.SchoolMember)
  mine(@CurrentActor() actor: Actor) {
    return this.desk.memberDesk(actor);
  }
}
