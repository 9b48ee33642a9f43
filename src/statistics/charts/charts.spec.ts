import { barChart } from './bar-chart';
import { groupedBarChart } from './grouped-bar-chart';
import { lineChart } from './line-chart';
import { GRID, INK, MUTED, PALETTE } from './svg';

/** WCAG's contrast ratio of a colour against white. */
function contrastWithWhite(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
  return 1.05 / (luminance + 0.05);
}

const frame = { id: 'svg-test', title: 'Teilnahme', description: 'Am höchsten: Nordhausen' };
const widths = (svg: string) => [...svg.matchAll(/<rect [^>]*width="([\d.]+)"/g)].map((m) => Number(m[1]));

describe('charts drawn as SVG', () => {
  it('colours bars and text at AA contrast against white (4.5:1); only the grid lines are lighter', () => {
    for (const colour of [...PALETTE, INK, MUTED]) expect({ colour, enough: contrastWithWhite(colour) >= 4.5 }).toEqual({ colour, enough: true });
    expect(contrastWithWhite(GRID)).toBeLessThan(3); // decoration: every value is written out
  });

  it('is an image named by its title and described by its description', () => {
    const svg = barChart({ ...frame, bars: [{ label: 'Nordhausen', value: 3, valueText: '3' }], tickText: String });
    expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 640 \d+" role="img" aria-labelledby="svg-test-title" aria-describedby="svg-test-desc"/);
    expect(svg).toContain('<title id="svg-test-title">Teilnahme</title><desc id="svg-test-desc">Am höchsten: Nordhausen</desc>');
  });

  it('draws bars as long as their values, on an axis of whole numbers', () => {
    const svg = barChart({
      ...frame,
      bars: [{ label: 'A', value: 10, valueText: '10' }, { label: 'B', value: 5, valueText: '5' }, { label: 'C', value: 0, valueText: '0' }],
      tickText: String,
    });
    const [a, b, c] = widths(svg);
    expect(a / b).toBeCloseTo(2, 1);
    expect(c).toBe(0);
    const ticks = [...svg.matchAll(/<text [^>]*text-anchor="middle">(\d+)<\/text>/g)].map((m) => m[1]);
    expect(ticks).toEqual(['0', '2', '4', '6', '8', '10']);
    // a count of one has no tick at 0.2
    expect(barChart({ ...frame, bars: [{ label: 'A', value: 1, valueText: '1' }], tickText: String })).not.toMatch(/>0\.\d</);
  });

  it('writes people’s words as text, never as markup, and shortens long labels with the whole one as a tooltip', () => {
    const label = '<script>alert(1)</script> Tischlerei mit einem sehr langen Namen';
    const svg = barChart({ ...frame, title: 'A & B', bars: [{ label, value: 1, valueText: '1' }], tickText: String });
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Tischlerei mit einem sehr langen Namen</title>');
    expect(svg).toContain(`&lt;script&gt;alert(1)&lt;/script&gt;…</text>`);
    expect(svg).toContain('<title id="svg-test-title">A &amp; B</title>');
  });

  it('puts the series side by side in each group, each in its colour, with a legend', () => {
    const svg = groupedBarChart({
      ...frame,
      groups: ['Handwerkertag', 'Praxistage'],
      series: [{ name: '2025/26', values: [4, 2] }, { name: '2026/27', values: [8, 0] }],
      valueText: String,
    });
    const fills = [...svg.matchAll(/<rect [^>]*fill="(#\w+)"/g)].map((m) => m[1]);
    expect(fills).toEqual([PALETTE[0], PALETTE[1], PALETTE[0], PALETTE[1], PALETTE[0], PALETTE[1]]); // 2 groups × 2 years, then the legend
    const heights = [...svg.matchAll(/<rect [^>]*height="([\d.]+)" fill/g)].map((m) => Number(m[1]));
    expect(heights[1] / heights[0]).toBeCloseTo(2, 1);
    expect(heights[3]).toBe(0);
    expect(svg).toContain('>2025/26</text>');
  });

  it('draws a value per day as a line over an area, a dot a day, even for one day', () => {
    const days = ['2026-11-26', '2026-11-27', '2026-11-28'].map((date, i) => ({ date, value: i * 2 }));
    const svg = lineChart({ ...frame, days, dayText: (d) => d.slice(8), valueText: String });
    expect([...svg.matchAll(/<circle /g)]).toHaveLength(3);
    const line = /<path d="M([\d.]+),([\d.]+)L([\d.]+),([\d.]+)L([\d.]+),([\d.]+)" fill="none"/.exec(svg)!.slice(1).map(Number);
    expect(line[2] - line[0]).toBeCloseTo(line[4] - line[2], 1); // a day is a day wide
    expect(line[1]).toBeGreaterThan(line[5]); // growing upwards
    expect(svg).toContain('>26</text>');
    expect(lineChart({ ...frame, days: [{ date: '2026-11-30', value: 1 }], dayText: String, valueText: String })).toContain('<circle ');
  });
});
