import { Controller, Get, Param, Query, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Roles } from '../auth/auth.decorators';
import { Role } from '../common/identity/role';
import { UuidParam } from '../common/http/uuid-param.pipe';
import { EventsService } from '../events/events.service';
import { BookableFiguresDto, BookingsPerDayDto, StatisticsOverviewDto } from './dto/statistics.dto';
import { StatisticsQuery } from './statistics.query';
import { StatisticsService } from './statistics.service';

@ApiTags('statistics')
@Controller('api/v1/statistics')
@Roles(Role.Organiser, Role.Partner)
export class StatisticsController {
  constructor(
    private readonly statistics: StatisticsService,
    private readonly events: EventsService,
  ) {}

  /** Per event and program, participation per district, school, school type and occupational field, per school year. */
  @Get()
  overview(@Query() query: StatisticsQuery): Promise<StatisticsOverviewDto> {
    return this.statistics.overview(query);
  }

  /** Fill rate and waiting list per time slot or offer weekday of one event. */
  @Get('events/:eventId')
  async ofEvent(@Req() req: Request, @Param('eventId', UuidParam) eventId: string): Promise<BookableFiguresDto[]> {
    await this.events.findVisible(req.actor, eventId);
    return this.statistics.ofEvent(eventId);
  }

  /** Confirmed bookings of one event per day of its registration: new, withdrawn, and all at the day's end. */
  @Get('events/:eventId/bookings-per-day')
  async bookingsPerDay(@Req() req: Request, @Param('eventId', UuidParam) eventId: string): Promise<BookingsPerDayDto> {
    await this.events.findVisible(req.actor, eventId);
    return this.statistics.bookingsPerDay(eventId);
  }
}
