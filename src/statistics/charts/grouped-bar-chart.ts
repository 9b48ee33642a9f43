import { scaleBand, scaleLinear } from 'd3-scale';
import { ChartFrame, GRID, INK, line, PALETTE, px, shorten, svgFrame, text } from './svg';

export interface Series {
  name: string;
  /** One value per group, in the order of the groups. */
  values: number[];
}

export interface GroupedBarChartSpec extends Omit<ChartFrame, 'width' | 'height'> {
  groups: string[];
  /** At most as many series as the palette has colours; the caller keeps the latest. */
  series: Series[];
  valueText: (value: number) => string;
}

const WIDTH = 640;
/** A bar no wider than this, however few there are: one wide block would read as an area. */
const MAX_BAR = 56;
const HEIGHT = 340;
const LEFT = 56;
const RIGHT = 16;
const TOP = 48; // the legend
const BOTTOM = 40; // the group names

/**
 * Vertical bars in groups, one bar per series side by side in each group (e.g. per program,
 * one bar per school year), with a legend that names the series by their colour.
 */
export function groupedBarChart(spec: GroupedBarChartSpec): string {
  const { groups, series } = spec;
  const x = scaleBand<number>()
    .domain(groups.map((_, i) => i))
    .range([LEFT, WIDTH - RIGHT])
    .paddingInner(0.2)
    .paddingOuter(0.1);
  const groupWidth = Math.min(x.bandwidth(), series.length * MAX_BAR);
  const inner = scaleBand<number>()
    .domain(series.map((_, i) => i))
    .range([(x.bandwidth() - groupWidth) / 2, (x.bandwidth() + groupWidth) / 2])
    .padding(0.08);
  const y = scaleLinear()
    .domain([0, Math.max(1, ...series.flatMap((s) => s.values))])
    .range([HEIGHT - BOTTOM, TOP])
    .nice();
  const base = HEIGHT - BOTTOM;
  const grid = y
    .ticks(5)
    .filter(Number.isInteger)
    .map((tick) => line(LEFT, y(tick), WIDTH - RIGHT, y(tick), GRID) + text(LEFT - 8, y(tick), spec.valueText(tick), 'text-anchor="end" dy="0.35em"'))
    .join('');
  const bars = groups
    .map((group, g) => {
      const bars = series
        .map((s, i) => {
          const left = x(g)! + inner(i)!;
          const top = y(s.values[g] ?? 0);
          // the value on top of the bar, where there is room for it
          const value = inner.bandwidth() >= 16 ? text(left + inner.bandwidth() / 2, top - 5, spec.valueText(s.values[g] ?? 0), 'text-anchor="middle" font-size="12"') : '';
          return `<rect x="${px(left)}" y="${px(top)}" width="${px(inner.bandwidth())}" height="${px(base - top)}" fill="${PALETTE[i % PALETTE.length]}"/>${value}`;
        })
        .join('');
      const name = text(x(g)! + x.bandwidth() / 2, base + 22, shorten(group, Math.max(8, Math.floor(x.bandwidth() / 7.5))), 'text-anchor="middle"', group);
      return `<g>${bars}${name}</g>`;
    })
    .join('');
  return svgFrame({ ...spec, width: WIDTH, height: HEIGHT }, `<g>${grid}</g>${line(LEFT, base, WIDTH - RIGHT, base, INK)}${bars}${legend(series)}`);
}

/** The series' names with their colours, in a row above the bars. */
function legend(series: Series[]): string {
  let left = LEFT;
  return series
    .map((s, i) => {
      const entry = `<rect x="${px(left)}" y="14" width="14" height="14" fill="${PALETTE[i % PALETTE.length]}"/>` + text(left + 20, 21, s.name, 'dy="0.35em"');
      left += 20 + s.name.length * 7.5 + 24;
      return entry;
    })
    .join('');
}
