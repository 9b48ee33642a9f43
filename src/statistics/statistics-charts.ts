import { Injectable, OnModuleInit } from '@nestjs/common';
import type { Locale } from '../common/errors/error-messages';
import { registerTexts } from '../web/i18n/texts';
import { CHART_TEXTS } from './charts/chart-texts';
import { ChartName, ChartView, EVENT_CHARTS, OVERVIEW_CHARTS } from './charts/chart-view';
import { bookingsPerDayChart, slotChart } from './charts/event-charts';
import { OVERVIEW_CHART_BUILDERS } from './charts/overview-charts';
import { StatisticsFilter } from './statistics.query';
import { StatisticsService } from './statistics.service';

/**
 * The statistics as pictures: the figures of the statistics service drawn as charts, each
 * with its table, in the reader's language. Whether the reader may see an event is the
 * caller's to check, as for the figures themselves.
 */
@Injectable()
export class StatisticsCharts implements OnModuleInit {
  constructor(private readonly statistics: StatisticsService) {}

  onModuleInit() {
    registerTexts(CHART_TEXTS);
  }

  async overview(filter: StatisticsFilter, locale: Locale): Promise<ChartView[]> {
    const figures = await this.statistics.overview(filter);
    return OVERVIEW_CHARTS.map((name) => OVERVIEW_CHART_BUILDERS[name](figures, locale, filter));
  }

  async ofEvent(eventId: string, locale: Locale): Promise<ChartView[]> {
    const [places, perDay] = await Promise.all([this.statistics.ofEvent(eventId), this.statistics.bookingsPerDay(eventId)]);
    return [slotChart(places, locale, eventId), bookingsPerDayChart(perDay, locale)];
  }

  /** One chart by its name: of the overview with the selection, or of the event. */
  async one(name: ChartName, selection: { filter: StatisticsFilter; eventId?: string }, locale: Locale): Promise<ChartView | undefined> {
    if ((EVENT_CHARTS as readonly string[]).includes(name)) {
      if (!selection.eventId) return undefined;
      return (await this.ofEvent(selection.eventId, locale)).find((view) => view.name === name);
    }
    const builder = OVERVIEW_CHART_BUILDERS[name as (typeof OVERVIEW_CHARTS)[number]];
    return builder ? builder(await this.statistics.overview(selection.filter), locale, selection.filter) : undefined;
  }
}
