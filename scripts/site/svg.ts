// Charts as static SVG, drawn at build time: no client-side charting, readable when printed.

import { escape } from './html.js';

export interface Series {
  name: string;
  cls: string;
  values: number[];
}

const W = 640;
const H = 240;
const PAD = { l: 44, r: 12, t: 12, b: 36 };

/** A round top for an axis: whole numbers for counts, 1-2-5 steps otherwise; four ticks. */
export function niceMax(max: number, integer: boolean): number {
  if (max <= 0) return integer ? 4 : 1;
  const raw = max / 4;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw)!;
  const s = integer ? Math.max(1, Math.ceil(step)) : step;
  return s * 4;
}

function axis(labels: string[], max: number, unit: string): string {
  const ticks = 4;
  let out = '';
  for (let i = 0; i <= ticks; i++) {
    const v = (max / ticks) * i;
    const y = H - PAD.b - ((H - PAD.t - PAD.b) * i) / ticks;
    out += `<line class="grid" x1="${PAD.l}" x2="${W - PAD.r}" y1="${y}" y2="${y}"/><text class="tick" x="${PAD.l - 6}" y="${y + 4}" text-anchor="end">${escape(Math.round(v * 10) / 10)}${unit}</text>`;
  }
  const step = (W - PAD.l - PAD.r) / Math.max(1, labels.length);
  labels.forEach((l, i) => {
    out += `<text class="tick" x="${PAD.l + step * (i + 0.5)}" y="${H - PAD.b + 16}" text-anchor="middle">${escape(l)}</text>`;
  });
  return out;
}

/** Horizontal bars, one per label (a contact, a team), longest first as given. */
export function hbars(title: string, labels: string[], values: number[], unit: string, cls = 'm-detect'): string {
  const rowH = 22;
  const left = 170;
  const h = PAD.t + labels.length * rowH + 28;
  const max = niceMax(Math.max(0, ...values), false);
  const width = W - left - PAD.r;
  let out = '';
  for (let i = 0; i <= 4; i++) {
    const x = left + (width * i) / 4;
    // The last tick's label ends at its line: centred, it would run past the chart's right edge.
    out += `<line class="grid" x1="${x}" x2="${x}" y1="${PAD.t}" y2="${h - 24}"/><text class="tick" x="${x}" y="${h - 8}" text-anchor="${i === 4 ? 'end' : 'middle'}">${escape(Math.round((max / 4) * i * 10) / 10)}${unit}</text>`;
  }
  labels.forEach((l, i) => {
    const y = PAD.t + i * rowH;
    const w = (width * values[i]!) / max;
    out += `<text class="tick" x="${left - 6}" y="${y + 15}" text-anchor="end">${escape(l.length > 26 ? `${l.slice(0, 25)}…` : l)}</text><rect class="${cls}" x="${left}" y="${y + 4}" width="${w.toFixed(1)}" height="${rowH - 8}"><title>${escape(`${l}: ${values[i]}${unit}`)}</title></rect>`;
  });
  return `<svg class="chart" viewBox="0 0 ${W} ${h}" role="img" aria-label="${escape(title)}" xmlns="http://www.w3.org/2000/svg"><title>${escape(title)}</title>${out}</svg>`;
}

/** Stacked bars, one per label. */
export function stackedBars(title: string, labels: string[], series: Series[]): string {
  const totals = labels.map((_, i) => series.reduce((s, x) => s + (x.values[i] ?? 0), 0));
  const max = niceMax(Math.max(0, ...totals), true);
  const step = (W - PAD.l - PAD.r) / Math.max(1, labels.length);
  const bw = Math.min(48, step * 0.6);
  let bars = '';
  labels.forEach((label, i) => {
    let y = H - PAD.b;
    for (const s of series) {
      const v = s.values[i] ?? 0;
      if (!v) continue;
      const h = ((H - PAD.t - PAD.b) * v) / max;
      y -= h;
      bars += `<rect class="${s.cls}" x="${PAD.l + step * i + (step - bw) / 2}" y="${y}" width="${bw}" height="${h}"><title>${escape(`${label}: ${v} ${s.name}`)}</title></rect>`;
    }
  });
  return frame(title, axis(labels, max, '') + bars, series);
}

/** One line per series; gaps where a value is missing. */
export function lines(title: string, labels: string[], series: { name: string; cls: string; values: (number | undefined)[] }[], unit: string): string {
  const max = niceMax(Math.max(0, ...series.flatMap((s) => s.values.filter((v): v is number => v !== undefined))), false);
  const step = (W - PAD.l - PAD.r) / Math.max(1, labels.length);
  let out = '';
  for (const s of series) {
    const pts = s.values.map((v, i) => (v === undefined ? undefined : [PAD.l + step * (i + 0.5), H - PAD.b - ((H - PAD.t - PAD.b) * v) / max] as const));
    let path = '';
    let pen = false;
    for (const p of pts) {
      if (!p) {
        pen = false;
        continue;
      }
      path += `${pen ? 'L' : 'M'}${p[0].toFixed(1)},${p[1].toFixed(1)}`;
      pen = true;
    }
    out += `<path class="line ${s.cls}" d="${path}"/>`;
    pts.forEach((p, i) => {
      if (p) out += `<circle class="${s.cls}" cx="${p[0].toFixed(1)}" cy="${p[1].toFixed(1)}" r="3"><title>${escape(`${labels[i]}: ${s.name} ${s.values[i]}${unit}`)}</title></circle>`;
    });
  }
  return frame(title, axis(labels, max, unit) + out, series);
}

const LEGEND_ROW = 16;

/**
 * Where each legend entry goes: every 120 units across the chart (further for a long name), and
 * on a new row when the next would run past the chart's edge. An entry is its swatch and its
 * name, at about 8 units a character in the charts' 13 px type. The names are the kit's own
 * (severities, kinds of gap, measures), never content.
 */
function legendPlaces(names: readonly string[]): { x: number; row: number }[] {
  let x = PAD.l;
  let row = 0;
  return names.map((name) => {
    const extent = 14 + name.length * 8;
    if (x > PAD.l && x + extent > W - PAD.r) {
      x = PAD.l;
      row++;
    }
    const at = { x, row };
    x += Math.max(120, extent + 12);
    return at;
  });
}

function frame(title: string, content: string, series: { name: string; cls: string }[]): string {
  const places = legendPlaces(series.map((s) => s.name));
  const rows = places.reduce((n, p) => Math.max(n, p.row + 1), 1);
  const legend = series.map((s, i) => {
    const { x, row } = places[i]!;
    const y = H + row * LEGEND_ROW;
    return `<rect class="${s.cls}" x="${x}" y="${y - 12}" width="10" height="10"/><text class="tick" x="${x + 14}" y="${y - 3}">${escape(s.name)}</text>`;
  }).join('');
  // Each further row of the legend makes the chart taller, below the axis.
  return `<svg class="chart" viewBox="0 0 ${W} ${H + (rows - 1) * LEGEND_ROW}" role="img" aria-label="${escape(title)}" xmlns="http://www.w3.org/2000/svg"><title>${escape(title)}</title>${content}${legend}</svg>`;
}
