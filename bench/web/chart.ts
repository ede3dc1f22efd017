/**
 * A horizontal bar chart of words/s per benchmark row, drawn as inline SVG (no chart library).
 * Bars are grouped by backend; the colour says which implementation and method ran.
 */
import { BACKEND_LABEL, type BenchRow } from './report.js';

const SVG = 'http://www.w3.org/2000/svg';

export const SERIES_COLOURS: Readonly<Record<string, string>> = {
  'pii-local heuristics': '#8fbf5a',
  'pii-local gliner': '#2f6fde',
  'pii-local gliner+heuristics': '#7a4fd6',
  'GLiNER.js gliner': '#e0803a',
};

function el<K extends keyof SVGElementTagNameMap>(name: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

export function wordsPerSecChart(rows: readonly BenchRow[]): SVGSVGElement {
  const barH = 18;
  const gap = 4;
  const groupGap = 14;
  const left = 150;
  const width = 760;
  const plot = width - left - 90;
  const max = Math.max(1, ...rows.map((r) => r.wordsPerSec));

  const groups = new Map<string, BenchRow[]>();
  for (const r of rows) {
    const key = BACKEND_LABEL[r.backend];
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  let height = 30;
  for (const g of groups.values()) height += g.length * (barH + gap) + groupGap;

  const svg = el('svg', { viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-label': 'words per second by backend and implementation' });
  svg.appendChild(el('text', { x: left, y: 14, class: 'chart-title' }, 'words / s (higher is better)'));
  let y = 26;
  for (const [group, members] of groups) {
    svg.appendChild(el('text', { x: 0, y: y + barH - 4, class: 'chart-group' }, group));
    for (const r of members) {
      const series = `${r.impl} ${r.method}`;
      const w = Math.max(1, (r.wordsPerSec / max) * plot);
      const bar = el('rect', { x: left, y, width: w, height: barH, rx: 3, fill: SERIES_COLOURS[series] ?? '#999' });
      const value = r.wordsPerSec < 100 ? r.wordsPerSec.toFixed(1) : Math.round(r.wordsPerSec).toLocaleString('en-US');
      bar.appendChild(el('title', {}, `${series}: ${value} words/s`));
      svg.appendChild(bar);
      svg.appendChild(el('text', { x: left + w + 6, y: y + barH - 5, class: 'chart-value' }, value));
      y += barH + gap;
    }
    y += groupGap;
  }
  return svg;
}

/** The colour key under the chart. */
export function chartLegend(rows: readonly BenchRow[]): HTMLElement {
  const ul = document.createElement('ul');
  ul.className = 'legend';
  const seen = new Set<string>();
  for (const r of rows) {
    const series = `${r.impl} ${r.method}`;
    if (seen.has(series)) continue;
    seen.add(series);
    const li = document.createElement('li');
    const sw = document.createElement('span');
    sw.className = 'swatch';
    sw.style.background = SERIES_COLOURS[series] ?? '#999';
    li.append(sw, series);
    ul.appendChild(li);
  }
  return ul;
}
