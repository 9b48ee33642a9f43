import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor } from '../common/identity/actor';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { Role } from '../common/identity/role';
import { RetentionService } from './retention.service';

@ApiTags('retention')
@Controller('api/v1/retention')
export class RetentionController {
  constructor(private readonly retention: RetentionService) {}

  /** What is due for deletion now, and the last runs. */
  @Get()
  @Roles(Role.Organiser, Role.Partner)
  status() {
    return this.retention.status();
  }

  /** Runs the deletion now (it also runs by itself every few hours). */
  @Post('run')
  @HttpCode(200)
  @Roles(Role.Organiser)
  async run(@CurrentActor() actor: Actor) {
    return (await this.retention.run(actor)) ?? { skipped: true, reason: 'another instance is running it' };
  }
}
