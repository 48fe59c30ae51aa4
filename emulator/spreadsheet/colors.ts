/** Colour normalisation as Sheets reports colours: lower-case "#rrggbb". */

const NAMED: Record<string, string> = {
  black: '#000000', white: '#ffffff', red: '#ff0000', green: '#008000', lime: '#00ff00', blue: '#0000ff',
  yellow: '#ffff00', orange: '#ffa500', purple: '#800080', gray: '#808080', grey: '#808080', silver: '#c0c0c0',
  pink: '#ffc0cb', cyan: '#00ffff', magenta: '#ff00ff', brown: '#a52a2a', navy: '#000080', teal: '#008080',
  maroon: '#800000', olive: '#808000', lightgray: '#d3d3d3', lightgrey: '#d3d3d3', darkgray: '#a9a9a9',
  lightgreen: '#90ee90', lightblue: '#add8e6', lightyellow: '#ffffe0', darkred: '#8b0000', darkgreen: '#006400',
};

/** "red" -> "#ff0000", "#ABC" -> "#aabbcc"; null/'' -> null (reset to default). */
export function normalizeColor(color: unknown): string | null {
  if (color === null || color === undefined || color === '') return null;
  const s = String(color).trim().toLowerCase();
  if (NAMED[s]) return NAMED[s];
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(s);
  if (short) return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`;
  if (/^#[0-9a-f]{6}$/.test(s)) return s;
  if (/^#[0-9a-f]{8}$/.test(s)) return '#' + s.slice(3);
  return s;
}
