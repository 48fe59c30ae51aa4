/** Inline SVG charts drawn by the sidebar: the aging bars and the credit-limit gauge. */
import { s } from './dom';

const BAR_COLOURS = ['#1e8e3e', '#f9ab00', '#e37400', '#d93025', '#a50e0e'];

/** Colour of bucket i of n: green for the first (current), then amber to dark red. */
function barColour(i: number, n: number): string {
  if (n <= 1 || i === 0) return BAR_COLOURS[0];
  const k = 1 + Math.round(((i - 1) * (BAR_COLOURS.length - 2)) / Math.max(1, n - 2));
  return BAR_COLOURS[Math.min(k, BAR_COLOURS.length - 1)];
}

/** Where the parts of a bar chart's row go, and what each row carries. */
interface BarLayout {
  rowH: number;
  labelW: number;
  /** Baseline of the label and value texts, from the row's top. */
  textDy: number;
  /** Gap above and below the bar. */
  barDy: number;
  svgClass: string;
  rowClass: string;
  fill: (i: number) => string;
  /** The bar's own data attribute (name and value). */
  data: (i: number, amount: number) => [string, number];
}

/** Horizontal bars, one per row: label on the left, the bar, the amount at its end. */
function barRows(labels: string[], amounts: number[], format: (n: number) => string, title: string, l: BarLayout): SVGSVGElement {
  const width = 276;
  const valueW = 74;
  const barMax = width - l.labelW - valueW - 8;
  const max = Math.max(0, ...amounts.map((a) => Math.abs(a)));
  const height = Math.max(1, labels.length) * l.rowH;
  const svg = s('svg', {
    class: `chart ${l.svgClass}`, role: 'img', 'aria-label': title,
    viewBox: `0 0 ${width} ${height}`, width: '100%', height, preserveAspectRatio: 'xMinYMin meet',
  }, s('title', null, title));
  labels.forEach((label, i) => {
    const amount = amounts[i] ?? 0;
    const w = max > 0 ? Math.max(amount > 0 ? 2 : 0, Math.round((Math.abs(amount) / max) * barMax)) : 0;
    const y = i * l.rowH;
    const [dataName, dataValue] = l.data(i, amount);
    svg.appendChild(s('g', { class: l.rowClass },
      s('text', { x: 0, y: y + l.textDy, class: 'bar-label' }, label),
      s('rect', { class: 'bar', x: l.labelW, y: y + l.barDy, width: w, height: l.rowH - 2 * l.barDy, rx: 2, fill: l.fill(i), [dataName]: dataValue },
        s('title', null, `${label}: ${format(amount)}`)),
      s('text', { x: l.labelW + w + 4, y: y + l.textDy, class: 'bar-value' }, format(amount))));
  });
  return svg;
}

/**
 * Horizontal bars, one per bucket, green to dark red: label on the left, the bar, the amount at
 * its end. `format` turns an amount into its label; `title` is the accessible name of the chart.
 */
export function agingBars(labels: string[], amounts: number[], format: (n: number) => string, title: string): SVGSVGElement {
  return barRows(labels, amounts, format, title, {
    rowH: 24, labelW: 64, textDy: 16, barDy: 4, svgClass: 'aging-chart', rowClass: 'bucket',
    fill: (i) => barColour(i, labels.length), data: (i) => ['data-bucket', i],
  });
}

/** A point on the gauge's semicircle for a share 0..1 (0 at the left, 1 at the right). */
function point(cx: number, cy: number, r: number, share: number): [number, number] {
  const angle = Math.PI * (1 - share);
  return [cx + r * Math.cos(angle), cy - r * Math.sin(angle)];
}

/**
 * A semicircular gauge of limit use: green below `warn`, amber to 1, red beyond. The arc stops at
 * full; the text shows the real share. `utilisation` null (no limit) draws the empty track only.
 */
export function gauge(utilisation: number | null, warn: number, centre: string, title: string): SVGSVGElement {
  const cx = 100, cy = 96, r = 78, stroke = 16;
  const [x0, y0] = point(cx, cy, r, 0);
  const [x1, y1] = point(cx, cy, r, 1);
  const svg = s('svg', {
    class: 'chart gauge', role: 'img', 'aria-label': title, viewBox: '0 0 200 112', width: 200, height: 112,
  }, s('title', null, title),
  s('path', { class: 'gauge-track', d: `M ${x0} ${y0} A ${r} ${r} 0 0 1 ${x1} ${y1}`, fill: 'none', stroke: '#e8eaed', 'stroke-width': stroke }));
  if (utilisation !== null && utilisation > 0) {
    const share = Math.min(1, utilisation);
    const [x, y] = point(cx, cy, r, share);
    const colour = utilisation >= 1 ? '#d93025' : utilisation >= warn ? '#f9ab00' : '#1e8e3e';
    svg.appendChild(s('path', {
      class: 'gauge-value', d: `M ${x0} ${y0} A ${r} ${r} 0 0 1 ${x.toFixed(2)} ${y.toFixed(2)}`,
      fill: 'none', stroke: colour, 'stroke-width': stroke, 'data-share': utilisation.toFixed(3),
    }));
  }
  svg.appendChild(s('text', { class: 'gauge-text', x: cx, y: cy - 8, 'text-anchor': 'middle' }, centre));
  return svg;
}

/**
 * Horizontal bars of one colour, one per row (the cash forecast's weeks): label on the left, the
 * bar, the amount at its end. Same layout as the aging bars, a little tighter.
 */
export function plainBars(labels: string[], amounts: number[], format: (n: number) => string, title: string, colour = '#1a73e8', cls = 'bars-chart'): SVGSVGElement {
  return barRows(labels, amounts, format, title, {
    rowH: 20, labelW: 56, textDy: 14, barDy: 3, svgClass: cls, rowClass: 'row',
    fill: () => colour, data: (_i, amount) => ['data-amount', amount],
  });
}
