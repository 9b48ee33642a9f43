import { Controller, Get, Logger, Param, Query, Res } from '@nestjs/common';
import { ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Actor } from '../common/identity/actor';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { Role } from '../common/identity/role';
import { UuidParam } from '../common/http/uuid-param.pipe';
import { ExportsService } from './exports.service';
import { ListQuery } from './list-filters';

@ApiTags('lists')
@Controller('api/v1/events/:eventId/lists')
@Roles(Role.Organiser, Role.Partner, Role.SchoolMember)
export class ExportsController {
  private readonly logger = new Logger('Exports');

  constructor(private readonly exports: ExportsService) {}

  /**
   * An attendee list as CSV (German Excel), .xlsx or a page to print: stands, class-visits
   * (Handwerkertag), grid, company-schedule (Schule trifft Wirtschaft; also for the host
   * school), roster, attendance (Praxistage; needs companyId and month).
   */
  @Get(':list')
  @ApiParam({ name: 'list', description: 'stands, class-visits, grid, company-schedule, roster or attendance: a list of the event’s program' })
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/html')
  async list(
    @CurrentActor() actor: Actor,
    @Param('eventId', UuidParam) eventId: string,
    @Param('list') list: string,
    @Query() query: ListQuery,
    @Res() res: Response,
  ) {
    try {
      await this.exports.send(actor, eventId, list, query, res);
    } catch (error) {
      if (!res.headersSent) throw error;
      // the download has begun: all that is left is to break it off visibly
      this.logger.error(`list ${list} of event ${eventId} broke off: ${(error as Error).message}`);
      res.destroy(error as Error);
    }
  }
}
