/**
 * The benchmark's charts as inline SVG (no chart library): words/s per row, grouped by backend with
 * the pii-local ÷ GLiNER.js ratio under each group's name, and where a warm pass goes, one stacked
 * bar per row with a segment per stage.
 */
import { backendCell, stageKeys, type BackendKey, type BenchRow, type PassStages } from './report.js';

const SVG = 'http://www.w3.org/2000/svg';

export const SERIES_COLOURS: Readonly<Record<string, string>> = {
  'pii-local heuristics': '#8fbf5a',
  'pii-local gliner': '#2f6fde',
  'pii-local gliner+heuristics': '#7a4fd6',
  'GLiNER.js gliner': '#e0803a',
};

const STAGE_COLOURS: Readonly<Record<Exclude<keyof PassStages, 'runs'>, string>> = {
  prepareMs: '#8fbf5a',
  tensorsMs: '#c9b458',
  runMs: '#2f6fde',
  decodeMs: '#7a4fd6',
  heuristicsMs: '#3aa39a',
  mergeMs: '#d65f9e',
  otherMs: '#a0a7b0',
  messagingMs: '#e0803a',
};

function el<K extends keyof SVGElementTagNameMap>(name: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

const rate = (n: number) => (n < 100 ? n.toFixed(1) : Math.round(n).toLocaleString('en-US'));

/** Bars of words/s, grouped by backend; `notes` (e.g. the peer ratio) are written under a group's name. */
export function wordsPerSecChart(rows: readonly BenchRow[], notes: Partial<Record<BackendKey, string>> = {}): SVGSVGElement {
  const barH = 18;
  const gap = 4;
  const groupGap = 14;
  const left = 190;
  const width = 800;
  const plot = width - left - 90;
  const max = Math.max(1, ...rows.map((r) => r.wordsPerSec));

  const groups = new Map<string, BenchRow[]>();
  for (const r of rows) {
    const key = backendCell(r);
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  let height = 30;
  for (const g of groups.values()) height += Math.max(2, g.length) * (barH + gap) + groupGap;

  const svg = el('svg', { viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-label': 'words per second by backend and implementation' });
  svg.appendChild(el('text', { x: left, y: 14, class: 'chart-title' }, 'words / s (higher is better)'));
  let y = 26;
  for (const [group, members] of groups) {
    svg.appendChild(el('text', { x: 0, y: y + barH - 4, class: 'chart-group' }, group));
    const note = notes[members[0]!.backend];
    if (note) svg.appendChild(el('text', { x: 0, y: y + 2 * barH, class: 'chart-title' }, note));
    const top = y;
    for (const r of members) {
      const series = `${r.impl} ${r.method}`;
      const w = Math.max(1, (r.wordsPerSec / max) * plot);
      const bar = el('rect', { x: left, y, width: w, height: barH, rx: 3, fill: SERIES_COLOURS[series] ?? '#999' });
      bar.appendChild(el('title', {}, `${series}: ${rate(r.wordsPerSec)} words/s`));
      svg.appendChild(bar);
      svg.appendChild(el('text', { x: left + w + 6, y: y + barH - 5, class: 'chart-value' }, rate(r.wordsPerSec)));
      y += barH + gap;
    }
    y = Math.max(y, top + 2 * (barH + gap)) + groupGap;
  }
  return svg;
}

/** The colour key of the words/s chart. */
export function chartLegend(rows: readonly BenchRow[]): HTMLElement {
  const seen = new Set<string>();
  const items: [string, string][] = [];
  for (const r of rows) {
    const series = `${r.impl} ${r.method}`;
    if (seen.has(series)) continue;
    seen.add(series);
    items.push([series, SERIES_COLOURS[series] ?? '#999']);
  }
  return legend(items);
}

/** One stacked bar per row: ms per warm corpus pass, a segment per stage. */
export function stagesChart(rows: readonly BenchRow[]): SVGSVGElement {
  const barH = 18;
  const gap = 6;
  const left = 330;
  const width = 900;
  const plot = width - left - 80;
  const total = (r: BenchRow) => stageKeys().reduce((a, s) => a + (r.stages?.[s.key] ?? 0), 0);
  const max = Math.max(1, ...rows.map(total));
  const height = 30 + rows.length * (barH + gap);

  const svg = el('svg', { viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-label': 'milliseconds per corpus pass by stage' });
  svg.appendChild(el('text', { x: left, y: 14, class: 'chart-title' }, 'ms per warm corpus pass, by stage (shorter is better)'));
  let y = 26;
  for (const r of rows) {
    svg.appendChild(el('text', { x: 0, y: y + barH - 5 }, `${r.impl} ${r.method} · ${backendCell(r)}`));
    let x = left;
    for (const s of stageKeys()) {
      const v = r.stages?.[s.key];
      if (v === undefined || v <= 0) continue;
      const w = (v / max) * plot;
      const rect = el('rect', { x, y, width: Math.max(0.5, w), height: barH, fill: STAGE_COLOURS[s.key] });
      rect.appendChild(el('title', {}, `${s.label}: ${v.toFixed(v < 10 ? 1 : 0)} ms`));
      svg.appendChild(rect);
      x += w;
    }
    svg.appendChild(el('text', { x: x + 6, y: y + barH - 5, class: 'chart-value' }, `${Math.round(total(r)).toLocaleString('en-US')} ms`));
    y += barH + gap;
  }
  return svg;
}

/** The colour key of the stages chart. */
export function stagesLegend(): HTMLElement {
  return legend(stageKeys().map((s) => [s.label, STAGE_COLOURS[s.key]]));
}

function legend(items: readonly [string, string][]): HTMLElement {
  const ul = document.createElement('ul');
  ul.className = 'legend';
  for (const [name, colour] of items) {
    const li = document.createElement('li');
    const sw = document.createElement('span');
    sw.className = 'swatch';
    sw.style.background = colour;
    li.append(sw, name);
    ul.appendChild(li);
  }
  return ul;
}
