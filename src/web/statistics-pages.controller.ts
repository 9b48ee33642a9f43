import { Controller, Get, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { NotFoundError } from '../common/errors/domain-error';
import { UuidParam } from '../common/http/uuid-param.pipe';
import { Actor } from '../common/identity/actor';
import { Role } from '../common/identity/role';
import { PROGRAMS } from '../events/event-status';
import { EventsService } from '../events/events.service';
import { writeCsv } from '../exports/writers/csv-writer';
import { chartAsList } from '../statistics/charts/chart-list';
import { ChartName, EVENT_CHARTS, OVERVIEW_CHARTS } from '../statistics/charts/chart-view';
import { StatisticsCharts } from '../statistics/statistics-charts';
import { statisticsFilter } from '../statistics/statistics.query';
import { StatisticsService } from '../statistics/statistics.service';
import { PageRenderer } from './page-renderer';
import { pageContext, text } from './web-context';
import { WebExceptionFilter } from './web-exception.filter';

const CHARTS: readonly string[] = [...OVERVIEW_CHARTS, ...EVENT_CHARTS];

/** The statistics of organisers and partners as charts with their tables, and each chart's figures as CSV. */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller('verwaltung')
@Roles(Role.Organiser, Role.Partner)
export class StatisticsPagesController {
  constructor(
    private readonly pages: PageRenderer,
    private readonly charts: StatisticsCharts,
    private readonly statistics: StatisticsService,
    private readonly events: EventsService,
  ) {}

  @Get('statistik')
  async statisticsPage(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response) {
    const filter = statisticsFilter(req.query);
    const [charts, schoolYears] = await Promise.all([this.charts.overview(filter, actor.locale), this.statistics.schoolYears()]);
    res.send(
      this.pages.render(
        'admin-statistics',
        pageContext(req, res, text(actor.locale, 'admin.statistics'), {
          section: 'admin',
          charts,
          // the selection as the form shows it; '' is "all"
          selected: { schoolYear: filter.schoolYear ?? '', program: filter.program ?? '' },
          schoolYears: [{ value: '', label: text(actor.locale, 'chart.allYears') }, ...schoolYears.map((value) => ({ value, label: value }))],
          programs: [{ value: '', label: text(actor.locale, 'chart.allPrograms') }, ...PROGRAMS.map((value) => ({ value, label: text(actor.locale, `program.${value}`) }))],
        }),
      ),
    );
  }

  /** `chart` names the figures (fill rates per event when none is named); the event's charts need `eventId`. */
  @Get('statistik.csv')
  async statisticsCsv(@CurrentActor() actor: Actor, @Req() req: Request, @Res() res: Response) {
    const name = typeof req.query.chart === 'string' ? req.query.chart : 'fill-rate';
    if (!CHARTS.includes(name)) throw new NotFoundError();
    let eventId: string | undefined;
    if (typeof req.query.eventId === 'string') {
      eventId = new UuidParam().transform(req.query.eventId);
      await this.events.findVisible(actor, eventId);
    }
    const view = await this.charts.one(name as ChartName, { filter: statisticsFilter(req.query), eventId }, actor.locale);
    if (!view) throw new NotFoundError();
    const fileName = `statistik-${name}`;
    res.status(200);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${fileName}.csv"`);
    res.setHeader('Cache-Control', 'private, no-store');
    await writeCsv(chartAsList(view, fileName), actor.locale, res);
  }
}
