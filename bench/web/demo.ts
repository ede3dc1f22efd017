/**
 * The demo page: paste text or drop a file (TXT, CSV, JSONL, JSON) → entities highlighted by type
 * with scores, the masked output, a mask per type, the threshold and method, and the anonymized
 * file to download (through `redactFile`). All detection and masking run in the engine worker, so
 * the page stays responsive; long inputs report progress and can be canceled.
 */
import { DEFAULT_MODEL_TYPES, type Engine } from '../../src/engine/engine.js';
import { isAbort } from '../../src/engine/errors.js';
import type { DetectionMethod } from '../../src/engine/methods.js';
import { clearModelCache } from '../../src/browser/model-cache.js';
import { redactFileWithReport } from '../../src/browser/redact-file.js';
import { parseFile, type ParsedFile } from '../../src/datasets/index.js';
import type { MaskConfig, MaskerOptions, MaskStrategy } from '../../src/masks/index.js';
import { heuristicTypes } from '../../src/recognizers/registry.js';
import type { Span } from '../../src/types.js';
import { createWorkerEngine, type WorkerGlinerModel } from '../../src/worker/client.js';
import { appendHighlighted, applyColour, typeColours } from './highlight.js';
import { splitForProgress } from './split-for-progress.js';

const MODEL_URL = new URL('../../models/pii-local-small/', location.href).href;
const STRATEGIES: readonly MaskStrategy[] = ['REDACT', 'REPLACE', 'MASK', 'HASH', 'PSEUDONYMIZE', 'KEEP'];
/**
 * `gliner` alone is asked for the engine's model types plus the structured ones it has prompts for
 * (in `gliner+heuristics` the engine leaves those to the validated patterns).
 */
const MODEL_TYPES = [...new Set([...DEFAULT_MODEL_TYPES, 'EMAIL', 'PHONE_NUMBER', 'DATE_TIME'])];
const HEURISTIC_TYPES = heuristicTypes();
const ALL_TYPES = [...new Set([...MODEL_TYPES, ...HEURISTIC_TYPES])];
const COLOURS = typeColours(ALL_TYPES);
/** Records of a structured file shown in the preview; the download covers every record. */
const PREVIEW_RECORDS = 25;
const EXAMPLE =
  'Hi team, this is Anna Berg from Nordic Shipping AB. Please send the signed contract to anna.berg@example.com ' +
  'or call me on +1 (415) 555-0199 before March 3, 2025.\n\n' +
  'Refunds go to IBAN DE89 3704 0044 0532 0130 00; the old card 4111 1111 1111 1111 is closed. ' +
  'Our office moved to 1420 Oak Street, Springfield.';

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const ui = {
  backend: $('backend'),
  method: $<HTMLSelectElement>('method'),
  backendChoice: $<HTMLSelectElement>('backend-choice'),
  threshold: $<HTMLInputElement>('threshold'),
  thresholdValue: $<HTMLOutputElement>('threshold-value'),
  run: $<HTMLButtonElement>('run'),
  cancel: $<HTMLButtonElement>('cancel'),
  progressBox: $('progress-box'),
  progress: $<HTMLProgressElement>('progress'),
  progressText: $('progress-text'),
  status: $('status'),
  text: $<HTMLTextAreaElement>('text'),
  drop: $('drop'),
  file: $<HTMLInputElement>('file'),
  fileInfo: $('file-info'),
  fileName: $('file-name'),
  fileClose: $<HTMLButtonElement>('file-close'),
  entities: $('entities'),
  foundSummary: $('found-summary'),
  masked: $('masked'),
  copy: $<HTMLButtonElement>('copy'),
  download: $<HTMLButtonElement>('download'),
  downloadInfo: $('download-info'),
  types: $('types'),
  clearCache: $<HTMLButtonElement>('clear-cache'),
};

// One masker setting per page visit: the preview and the downloaded file get the same REPLACE
// surrogates and HASH values. Never stored, never sent.
const maskerOptions: MaskerOptions = { seed: crypto.getRandomValues(new Uint32Array(1))[0]!, hashKey: crypto.getRandomValues(new Uint8Array(32)) };

/** What the page scans: pasted text (cut into pieces for progress), or a structured file. */
type Input =
  | { kind: 'text'; text: string; fileName?: string }
  | { kind: 'file'; file: File; parsed: ParsedFile; blocks: { label: string; text: string }[] };

let engine: Engine;
let input: Input = { kind: 'text', text: EXAMPLE };
const maskConfig: MaskConfig = {};
const found = new Map<string, number>();
let running: AbortController | undefined;
let lastMasked = '';
/** The input and options `lastMasked` was made with: a download after an edit runs again first. */
let lastKey = '';
let debounce: ReturnType<typeof setTimeout> | undefined;
/** The pasted text while a structured file is shown, given back when the file is closed. */
let textBeforeFile = '';

// ------------------------------------------------------------------------------------------------
// Engine

function startEngine(): void {
  const backend = ui.backendChoice.value as 'auto' | 'wasm' | 'webgpu';
  const files = new Map<string, { loaded: number; total: number }>();
  setBadge('loading the model…');
  engine = createWorkerEngine({
    model: MODEL_URL,
    modelOptions: {
      backend,
      onProgress: (p) => {
        files.set(p.file, { loaded: p.loaded, total: p.total ?? 0 });
        let loaded = 0;
        let total = 0;
        for (const f of files.values()) (loaded += f.loaded), (total += f.total);
        setBadge(total > 0 ? `loading the model… ${Math.round((loaded / total) * 100)} %` : `loading the model… ${(loaded / 1e6).toFixed(1)} MB`);
      },
    },
  });
  const current = engine;
  current.ready().then(
    (m) => {
      if (current !== engine) return;
      const model = m as WorkerGlinerModel;
      const threads = model.backend === 'wasm' ? (model.crossOriginIsolated ? model.hardwareConcurrency : 1) : undefined;
      setBadge(
        model.backend === 'webgpu'
          ? 'model ready · WebGPU'
          : `model ready · WASM · ${threads} thread${threads === 1 ? '' : 's'}${model.crossOriginIsolated ? ' (cross-origin isolated)' : ' (not isolated: 1 thread)'}`,
        'ok',
      );
    },
    (error: unknown) => {
      if (current !== engine) return;
      setBadge(`model failed to load (${(error as Error).message}); heuristics still work`, 'err');
    },
  );
}

function setBadge(text: string, kind: '' | 'ok' | 'err' = ''): void {
  ui.backend.textContent = text;
  ui.backend.className = `badge ${kind}`.trim();
}

// ------------------------------------------------------------------------------------------------
// Options

function method(): DetectionMethod {
  return ui.method.value as DetectionMethod;
}

function typesFor(m: DetectionMethod): string[] {
  if (m === 'heuristics') return HEURISTIC_TYPES;
  if (m === 'gliner') return MODEL_TYPES;
  return ALL_TYPES;
}

function threshold(): number {
  return Number(ui.threshold.value);
}

/** The types list: colour swatch, type, count found, mask select. Doubles as the colour legend. */
function renderTypes(): void {
  const types = typesFor(method());
  // types found come first so the legend explains the highlights at a glance
  const ordered = [...types].sort((a, b) => (found.get(b) ?? 0) - (found.get(a) ?? 0) || types.indexOf(a) - types.indexOf(b));
  ui.types.replaceChildren();
  for (const type of ordered) {
    const count = found.get(type) ?? 0;
    const row = document.createElement('div');
    row.className = count === 0 ? 'type zero' : 'type';
    row.dataset.type = type;
    const swatch = document.createElement('span');
    swatch.className = 'swatch';
    applyColour(swatch, COLOURS.get(type));
    const name = Object.assign(document.createElement('span'), { className: 'name', textContent: type, title: type });
    const n = Object.assign(document.createElement('span'), { className: 'count', textContent: String(count), title: 'found' });
    const select = document.createElement('select');
    select.setAttribute('aria-label', `mask for ${type}`);
    for (const s of STRATEGIES) select.add(new Option(s, s, false, (maskConfig[type] ?? 'REDACT') === s));
    select.addEventListener('change', () => {
      maskConfig[type] = select.value as MaskStrategy;
      schedule(0);
    });
    row.append(swatch, name, n, select);
    ui.types.appendChild(row);
  }
}

// ------------------------------------------------------------------------------------------------
// Running

function schedule(delayMs: number): void {
  clearTimeout(debounce);
  debounce = setTimeout(() => void run(), delayMs);
}

/** `data-state` on the body says what the page is doing (idle, busy, done, canceled, error). */
function setState(state: 'idle' | 'busy' | 'done' | 'canceled' | 'error'): void {
  document.body.dataset.state = state;
}

function setBusy(busy: boolean): void {
  if (busy) setState('busy');
  ui.cancel.hidden = !busy;
  ui.progressBox.hidden = !busy;
  ui.download.disabled = busy;
}

function onProgress(done: number, total: number, what: string): void {
  ui.progress.max = Math.max(1, total);
  ui.progress.value = done;
  ui.progressText.textContent = `${done} / ${total} ${what}`;
}

async function run(): Promise<void> {
  clearTimeout(debounce);
  running?.abort();
  const controller = new AbortController();
  running = controller;
  const m = method();
  const key = resultKey();
  const blocks =
    input.kind === 'text'
      ? (() => {
          const { pieces, offsets } = splitForProgress(input.text);
          return [{ label: '', pieces, offsets, text: input.text }];
        })()
      : input.blocks.map((b) => ({ label: b.label, pieces: [b.text], offsets: [0], text: b.text }));
  const texts = blocks.flatMap((b) => b.pieces);
  setBusy(true);
  onProgress(0, texts.length, texts.length === 1 ? 'text' : 'texts');
  ui.status.textContent = m === 'heuristics' ? 'scanning…' : 'scanning (the first run waits for the model)…';
  const t0 = performance.now();
  try {
    const { samples } = await engine.redact(texts, {
      method: m,
      types: typesFor(m),
      threshold: threshold(),
      maskConfig: pick(maskConfig, typesFor(m)),
      masker: maskerOptions,
      signal: controller.signal,
      onProgress: (done, total) => onProgress(done, total, 'texts'),
    });
    if (running !== controller) return;
    found.clear();
    ui.entities.replaceChildren();
    const maskedParts: string[] = [];
    let next = 0;
    let failed = 0;
    for (const block of blocks) {
      const spans: Span[] = [];
      let masked = '';
      block.pieces.forEach((_, k) => {
        const sample = samples[next++]!;
        if (sample.error !== undefined) {
          failed++;
          masked += '[REDACTION_FAILED]';
          return;
        }
        masked += sample.text;
        for (const s of sample.spans) spans.push({ ...s, start: s.start + block.offsets[k]!, end: s.end + block.offsets[k]! });
      });
      for (const s of spans) found.set(s.label, (found.get(s.label) ?? 0) + 1);
      if (block.label) {
        const head = document.createElement('div');
        head.className = 'record';
        head.textContent = block.label;
        ui.entities.appendChild(head);
        maskedParts.push(`# ${block.label}\n${masked}`);
      } else maskedParts.push(masked);
      const body = document.createElement('div');
      appendHighlighted(body, block.text, spans, COLOURS);
      ui.entities.appendChild(body);
    }
    if (texts.length === 0 || blocks.every((b) => b.text === '')) {
      ui.entities.replaceChildren(Object.assign(document.createElement('div'), { className: 'empty', textContent: 'Nothing to scan.' }));
    }
    lastMasked = maskedParts.join('\n\n');
    lastKey = key;
    ui.masked.textContent = lastMasked;
    const total = [...found.values()].reduce((a, b) => a + b, 0);
    ui.foundSummary.textContent = `${total} in ${blocks.length === 1 ? 'the text' : `${blocks.length} fields`}`;
    ui.status.textContent = `${total} entit${total === 1 ? 'y' : 'ies'} · ${Math.round(performance.now() - t0)} ms${failed ? ` · ${failed} piece(s) failed and were blanked` : ''}`;
    renderTypes();
    setState('done');
  } catch (error) {
    if (running !== controller) return;
    if (isAbort(error)) {
      ui.status.textContent = 'canceled';
      setState('canceled');
    } else {
      ui.status.textContent = `failed: ${(error as Error).message}`;
      setState('error');
    }
  } finally {
    if (running === controller) {
      running = undefined;
      setBusy(false);
    }
  }
}

function resultKey(): string {
  return JSON.stringify([input.kind === 'text' ? input.text : input.file.name, method(), threshold(), maskConfig]);
}

function pick(config: MaskConfig, types: readonly string[]): MaskConfig {
  return Object.fromEntries(Object.entries(config).filter(([t]) => types.includes(t)));
}

// ------------------------------------------------------------------------------------------------
// Files

async function openFile(file: File): Promise<void> {
  const name = file.name.toLowerCase();
  if (/\.(txt|md|text)$/.test(name) || (!/\.(csv|tsv|jsonl|ndjson|json)$/.test(name) && file.type.startsWith('text/plain'))) {
    input = { kind: 'text', text: await file.text(), fileName: file.name };
    ui.text.value = input.text;
    showFile(file.name, 'text file: edit it above, download keeps its name');
    schedule(0);
    return;
  }
  let parsed: ParsedFile;
  try {
    parsed = parseFile(file.name, new Uint8Array(await file.arrayBuffer()), file.type ? { contentType: file.type } : {});
  } catch (error) {
    ui.status.textContent = `cannot read ${file.name}: ${(error as Error).message}`;
    return;
  }
  const blocks: { label: string; text: string }[] = [];
  for (const r of parsed.records.slice(0, PREVIEW_RECORDS)) {
    if (r.error !== undefined) continue;
    for (const f of r.fields) blocks.push({ label: `record ${r.id} · ${f.key}`, text: f.text });
  }
  if (input.kind === 'text') textBeforeFile = ui.text.value;
  input = { kind: 'file', file, parsed, blocks };
  const shown = Math.min(PREVIEW_RECORDS, parsed.records.length);
  showFile(file.name, `${parsed.format.toUpperCase()}, ${parsed.records.length} records${shown < parsed.records.length ? ` (preview: first ${shown}; the download covers all)` : ''}`);
  ui.text.value = '';
  ui.text.placeholder = `${file.name} is loaded; its records are shown on the right. Close it (×) to paste text again.`;
  ui.text.disabled = true;
  schedule(0);
}

function showFile(name: string, detail: string): void {
  ui.downloadInfo.textContent = '';
  ui.fileInfo.hidden = false;
  ui.fileName.textContent = `${name} — ${detail}`;
}

function closeFile(): void {
  ui.downloadInfo.textContent = '';
  ui.fileInfo.hidden = true;
  ui.text.disabled = false;
  ui.text.placeholder = 'Paste text here, or drop a TXT, CSV, JSONL or JSON file anywhere on this box.';
  if (input.kind === 'file') ui.text.value = textBeforeFile;
  input = { kind: 'text', text: ui.text.value };
  schedule(0);
}

/** The anonymized file: a structured file goes through `redactFile` (all records, same format); pasted text is saved as shown. */
async function download(): Promise<void> {
  if (input.kind === 'text') {
    if (lastKey !== resultKey()) await run();
    if (lastKey !== resultKey()) return; // canceled or failed: the status line says why
    const name = input.fileName ? anonymizedName(input.fileName) : 'anonymized.txt';
    save(new File([lastMasked], name, { type: 'text/plain' }));
    ui.downloadInfo.textContent = `saved ${name}`;
    return;
  }
  running?.abort();
  const controller = new AbortController();
  running = controller;
  setBusy(true);
  const m = method();
  const t0 = performance.now();
  try {
    const report = await redactFileWithReport(input.file, {
      engine,
      method: m,
      types: typesFor(m),
      maskConfig: pick(maskConfig, typesFor(m)),
      masker: maskerOptions,
      threshold: threshold(),
      signal: controller.signal,
      onProgress: (done, total) => onProgress(done, total, 'fields'),
    });
    const name = anonymizedName(input.file.name);
    save(new File([report.file], name, { type: report.file.type }));
    ui.downloadInfo.textContent = `saved ${name}: ${report.records} records in ${((performance.now() - t0) / 1000).toFixed(1)} s${report.failed ? `, ${report.failed} blanked after a failure` : ''}`;
    setState('done');
  } catch (error) {
    ui.downloadInfo.textContent = isAbort(error) ? 'canceled' : `failed: ${(error as Error).message}`;
    setState(isAbort(error) ? 'canceled' : 'error');
  } finally {
    if (running === controller) {
      running = undefined;
      setBusy(false);
    }
  }
}

function anonymizedName(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? `${name.slice(0, dot)}.anonymized${name.slice(dot)}` : `${name}.anonymized`;
}

function save(file: File): void {
  const url = URL.createObjectURL(file);
  const a = Object.assign(document.createElement('a'), { href: url, download: file.name });
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

// ------------------------------------------------------------------------------------------------
// Wiring

ui.text.value = EXAMPLE;
ui.text.addEventListener('input', () => {
  if (input.kind === 'text') input = { ...input, text: ui.text.value };
  schedule(500);
});
ui.method.addEventListener('change', () => {
  renderTypes();
  schedule(0);
});
ui.backendChoice.addEventListener('change', () => {
  running?.abort();
  const old = engine;
  startEngine();
  void old.dispose();
  schedule(0);
});
ui.threshold.addEventListener('input', () => {
  ui.thresholdValue.value = threshold().toFixed(2);
  schedule(250);
});
ui.run.addEventListener('click', () => void run());
ui.cancel.addEventListener('click', () => running?.abort());
ui.copy.addEventListener('click', () => void navigator.clipboard.writeText(ui.masked.textContent ?? ''));
ui.download.addEventListener('click', () => void download());
ui.file.addEventListener('change', () => {
  const f = ui.file.files?.[0];
  if (f) void openFile(f);
  ui.file.value = '';
});
ui.fileClose.addEventListener('click', closeFile);
ui.drop.addEventListener('dragover', (e) => {
  e.preventDefault();
  ui.drop.classList.add('over');
});
ui.drop.addEventListener('dragleave', () => ui.drop.classList.remove('over'));
ui.drop.addEventListener('drop', (e) => {
  e.preventDefault();
  ui.drop.classList.remove('over');
  const f = e.dataTransfer?.files[0];
  if (f) void openFile(f);
});
ui.clearCache.addEventListener('click', () => {
  void clearModelCache().then(() => (ui.clearCache.textContent = 'cached model forgotten (the next load downloads it)'));
});

ui.thresholdValue.value = threshold().toFixed(2);
renderTypes();
startEngine();
void run();
