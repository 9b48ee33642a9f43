import { scaleLinear, scaleTime } from 'd3-scale';
import { area, line as linePath } from 'd3-shape';
import { ChartFrame, GRID, INK, line, PALETTE, px, svgFrame, text } from './svg';

export interface DayValue {
  /** YYYY-MM-DD */
  date: string;
  value: number;
}

export interface LineChartSpec extends Omit<ChartFrame, 'width' | 'height'> {
  days: DayValue[];
  dayText: (date: string) => string;
  valueText: (value: number) => string;
}

const WIDTH = 640;
const HEIGHT = 300;
const LEFT = 56;
const RIGHT = 28;
const TOP = 16;
const BOTTOM = 40;
const DAY_MS = 86_400_000;
/** Up to this many days each day gets a dot, so single days can be told apart. */
const DOTS_UP_TO = 62;

const instant = (date: string) => new Date(`${date}T00:00:00Z`);

/**
 * A value per day as a line over a filled area: how a count grew over the days. The days
 * are calendar days (drawn at UTC midnight), so no time zone shifts a day.
 */
export function lineChart(spec: LineChartSpec): string {
  const { days } = spec;
  const first = instant(days[0].date);
  const last = instant(days[days.length - 1].date);
  const x = scaleTime()
    .domain([first, last.getTime() > first.getTime() ? last : new Date(first.getTime() + DAY_MS)])
    .range([LEFT, WIDTH - RIGHT]);
  const y = scaleLinear()
    .domain([0, Math.max(1, ...days.map((d) => d.value))])
    .range([HEIGHT - BOTTOM, TOP])
    .nice();
  const base = HEIGHT - BOTTOM;
  const at = (d: DayValue) => x(instant(d.date));
  const fill = area<DayValue>().x(at).y0(base).y1((d) => y(d.value)).digits(1)(days) ?? '';
  const stroke = linePath<DayValue>().x(at).y((d) => y(d.value)).digits(1)(days) ?? '';
  const yGrid = y
    .ticks(5)
    .filter(Number.isInteger)
    .map((tick) => line(LEFT, y(tick), WIDTH - RIGHT, y(tick), GRID) + text(LEFT - 8, y(tick), spec.valueText(tick), 'text-anchor="end" dy="0.35em"'))
    .join('');
  // about eight dates under the axis, whole days apart, the last day always among them
  const every = Math.ceil(days.length / 8);
  const xTicks = days
    .filter((_, i) => (days.length - 1 - i) % every === 0)
    .map((d) => line(at(d), base, at(d), base + 5, INK) + text(at(d), base + 20, spec.dayText(d.date), 'text-anchor="middle"'))
    .join('');
  const dots = days.length <= DOTS_UP_TO ? days.map((d) => `<circle cx="${px(at(d))}" cy="${px(y(d.value))}" r="3.5" fill="${PALETTE[0]}"/>`).join('') : '';
  return svgFrame(
    { ...spec, width: WIDTH, height: HEIGHT },
    `<g>${yGrid}</g><path d="${fill}" fill="${PALETTE[0]}" fill-opacity="0.15"/><path d="${stroke}" fill="none" stroke="${PALETTE[0]}" stroke-width="2.5"/>` +
      `${dots}${line(LEFT, base, WIDTH - RIGHT, base, INK)}<g>${xTicks}</g>`,
  );
}
