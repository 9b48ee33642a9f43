/**
 * The parts every chart shares: escaping, rounding, the frame with its accessible name, and
 * the colours. Charts are SVG written on the server, so they need no script in the browser
 * and scale with the page through their viewBox.
 */

/** Text from people (event titles, school names) goes into the SVG as text, never as markup. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** One decimal is finer than a pixel of any screen the viewBox is drawn on, and keeps the page small. */
export const px = (value: number) => String(Math.round(value * 10) / 10);

/** Ink and the muted colour of the site; both read at more than 4.5:1 on white. */
export const INK = '#1d1d1b';
export const MUTED = '#4a4a46';
/** Grid lines only guide the eye: the values are written on the bars and in the table. */
export const GRID = '#d4d4cf';

/**
 * The colours of bars and lines, in the order series take them. Each reaches at least 4.5:1
 * against white (WCAG AA for text, more than the 3:1 graphics need), so a bar is as legible
 * as the text beside it; series differ in hue and lightness, and the legend names them.
 */
export const PALETTE = ['#0b5394', '#b04a00', '#1e6b2e', '#7b2d8e', '#a4161a', '#00656e'] as const;

/** A label too long for its room ends in "…"; the whole label stays in the table beside the chart. */
export function shorten(label: string, maxChars: number): string {
  return label.length <= maxChars ? label : `${label.slice(0, maxChars - 1).trimEnd()}…`;
}

export interface ChartFrame {
  /** Unique on the page: the title and description are found by it. */
  id: string;
  title: string;
  description: string;
  width: number;
  height: number;
}

/**
 * The SVG element: an image (role="img") named by its <title> and described by its <desc>,
 * which screen readers announce instead of the shapes inside.
 */
export function svgFrame(frame: ChartFrame, body: string): string {
  const { id, width, height } = frame;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart-svg" viewBox="0 0 ${width} ${height}" role="img" ` +
    `aria-labelledby="${id}-title" aria-describedby="${id}-desc" font-family="Arial, Helvetica, sans-serif" font-size="14" fill="${INK}">` +
    `<title id="${id}-title">${escapeXml(frame.title)}</title><desc id="${id}-desc">${escapeXml(frame.description)}</desc>${body}</svg>`
  );
}

/** A text element; `hint` becomes a tooltip (the full label of a shortened one). */
export function text(x: number, y: number, content: string, attributes = '', hint?: string): string {
  const tooltip = hint && hint !== content ? `<title>${escapeXml(hint)}</title>` : '';
  return `<text x="${px(x)}" y="${px(y)}"${attributes ? ` ${attributes}` : ''}>${tooltip}${escapeXml(content)}</text>`;
}

export function line(x1: number, y1: number, x2: number, y2: number, stroke: string): string {
  return `<line x1="${px(x1)}" y1="${px(y1)}" x2="${px(x2)}" y2="${px(y2)}" stroke="${stroke}" stroke-width="1"/>`;
}
