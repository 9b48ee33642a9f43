import { scaleBand, scaleLinear } from 'd3-scale';
import { ChartFrame, GRID, INK, line, PALETTE, px, shorten, svgFrame, text } from './svg';

export interface Bar {
  label: string;
  value: number;
  /** The value as written at the end of the bar, e.g. "88 %" or "35". */
  valueText: string;
}

export interface BarChartSpec extends Omit<ChartFrame, 'width' | 'height'> {
  bars: Bar[];
  /** The end of the value axis at least, e.g. 100 for percentages (a fuller bar reaches further). */
  atLeast?: number;
  tickText: (value: number) => string;
}

const WIDTH = 640;
const LABELS = 210; // room for the label of each bar, left of the axis
const VALUES = 90; // room for the value written after the longest bar
const ROW = 32;
const TOP = 8;
const AXIS = 30;

/**
 * Horizontal bars, one per row, labelled on the left: long names (events, occupational
 * fields) stay readable, and the chart grows downwards with its rows instead of squeezing.
 */
export function barChart(spec: BarChartSpec): string {
  const { bars } = spec;
  const height = TOP + bars.length * ROW + AXIS;
  const y = scaleBand<number>()
    .domain(bars.map((_, i) => i))
    .range([TOP, TOP + bars.length * ROW])
    .padding(0.2);
  const x = scaleLinear()
    .domain([0, Math.max(spec.atLeast ?? 1, ...bars.map((b) => b.value))])
    .range([LABELS, WIDTH - VALUES])
    .nice();
  const bottom = TOP + bars.length * ROW;
  const grid = x
    .ticks(5)
    .filter(Number.isInteger) // counts and whole percents: no tick between 0 and 1
    .map((tick) => line(x(tick), TOP, x(tick), bottom, GRID) + text(x(tick), bottom + 20, spec.tickText(tick), 'text-anchor="middle"'))
    .join('');
  const rows = bars
    .map((bar, i) => {
      const top = y(i)!;
      const middle = top + y.bandwidth() / 2;
      const end = x(Math.max(0, bar.value));
      return (
        text(LABELS - 8, middle, shorten(bar.label, 27), 'text-anchor="end" dy="0.35em"', bar.label) +
        `<rect x="${px(LABELS)}" y="${px(top)}" width="${px(end - LABELS)}" height="${px(y.bandwidth())}" fill="${PALETTE[0]}"/>` +
        text(end + 6, middle, bar.valueText, 'dy="0.35em" font-weight="bold"')
      );
    })
    .join('');
  return svgFrame({ ...spec, width: WIDTH, height }, `<g>${grid}</g>${line(LABELS, TOP, LABELS, bottom, INK)}<g>${rows}</g>`);
}
