import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
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
}
