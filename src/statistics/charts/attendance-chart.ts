import type { Locale } from '../../common/errors/error-messages';
import type { StatisticsOverviewDto } from '../dto/statistics.dto';
import type { StatisticsFilter } from '../statistics.query';
import { chartView, ChartView, csvHref, formatNumber, MAX_BARS, row, say } from './chart-view';
import { groupedBarChart } from './grouped-bar-chart';

/**
 * Per school, the pupils booked beside the pupils who came (as the entrance counted them),
 * and in the table the classes that never arrived: the real attendance partners ask for.
 */
export function attendanceChart(figures: StatisticsOverviewDto, locale: Locale, filter: StatisticsFilter): ChartView {
  const heading = say(locale, 'chart.attendance');
  const schools = figures.attendanceBySchool;
  const drawnSchools = schools.slice(0, MAX_BARS);
  const drawn = schools.some((s) => s.pupilsBooked > 0);
  return chartView(locale, 'attendance', {
    heading,
    description: say(locale, 'chart.attendance.text'),
    columns: ['school', 'classesBooked', 'classesArrived', 'noShows', 'pupilsBooked', 'pupilsArrived', 'teachersArrived'].map((c) => say(locale, `chart.col.${c}`)),
    rows: schools.map((s) => row(locale, s.name, [s.classesBooked, s.classesArrived, s.noShows, s.pupilsBooked, s.pupilsArrived, s.teachersArrived])),
    svg: drawn
      ? groupedBarChart({
          id: 'svg-attendance',
          title: heading,
          description: say(locale, 'chart.attendance.summary'),
          groups: drawnSchools.map((s) => s.name),
          series: [
            { name: say(locale, 'chart.series.booked'), values: drawnSchools.map((s) => s.pupilsBooked) },
            { name: say(locale, 'chart.series.arrived'), values: drawnSchools.map((s) => s.pupilsArrived) },
          ],
          valueText: (value) => formatNumber(value, locale),
        })
      : undefined,
    empty: say(locale, 'chart.attendance.empty'),
    csvHref: csvHref('attendance', { ...filter }),
  });
}
