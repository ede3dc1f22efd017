/**
 * The demo page: paste text or drop a file (TXT, CSV, JSONL, JSON) → entities highlighted by type
 * with scores, the masked output, a mask per type, the threshold and method, and the anonymized
 * file to download. Detection and masking run in the engine worker and file reading and writing in
 * a file worker (`demo-files.ts`, started from this same script), so the page stays responsive; the
 * status line says what is happening (loading the model, scanning, how long is left), and long
 * inputs can be canceled. The types asked for are the library's defaults for the bundled model.
 *
 * After the first visit the demo works offline: it registers pii-local's offline service worker
 * (`offline-sw.js`, served by `serve.ts`) before starting the engine.
 */
import type { Engine } from '../../src/engine/engine.js';
import { defaultTypes } from '../../src/engine/default-types.js';
import { isAbort } from '../../src/engine/errors.js';
import { planFor, type DetectionMethod } from '../../src/engine/methods.js';
import { clearModelCache } from '../../src/browser/model-cache.js';
import { offlineCachedUrls, registerOfflineWorker, type OfflineRegistration } from '../../src/browser/offline.js';
import type { MaskConfig, MaskerOptions, MaskStrategy } from '../../src/masks/index.js';
import type { Span } from '../../src/types.js';
import { createWorkerEngine, type WorkerGlinerModel } from '../../src/worker/client.js';
import { fileWorker, isFileWorker, serveFiles, type FilePreview } from './demo-files.js';
import { appendHighlighted, applyColour, typeColours } from './highlight.js';
import { splitForProgress } from './split-for-progress.js';

const STRATEGIES: readonly MaskStrategy[] = ['REDACT', 'REPLACE', 'MASK', 'HASH', 'PSEUDONYMIZE', 'KEEP'];
/**
 * What each method looks for: the library's defaults for the bundled model (`defaultTypes`), the
 * same types a call that names none gets. The demo loads that model by URL, so it names them itself.
 */
const typesFor = (m: DetectionMethod): string[] => defaultTypes(planFor(m), undefined, true);
const COLOURS = typeColours(typesFor('gliner+heuristics'));
/** Records of a structured file shown in the previews; the download covers every record. */
const PREVIEW_RECORDS = 25;
const EXAMPLE =
  'Hi team, this is Anna Berg from Nordic Shipping AB. Please send the signed contract to anna.berg@example.com ' +
  'or call me on +1 (415) 555-0199 before March 3, 2025.\n\n' +
  'Refunds go to IBAN DE89 3704 0044 0532 0130 00; the old card 4111 1111 1111 1111 is closed. ' +
  'Our office moved to 1420 Oak Street, Springfield.';

// ------------------------------------------------------------------------------------------------
// Page state

function findUi() {
  const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
  return {
    backend: $('backend'),
    offline: $('offline'),
    method: $<HTMLSelectElement>('method'),
    backendChoice: $<HTMLSelectElement>('backend-choice'),
    threshold: $<HTMLInputElement>('threshold'),
    thresholdValue: $<HTMLOutputElement>('threshold-value'),
    run: $<HTMLButtonElement>('run'),
    cancel: $<HTMLButtonElement>('cancel'),
    progressBox: $('progress-box'),
    progress: $<HTMLProgressElement>('progress'),
    status: $('status'),
    text: $<HTMLTextAreaElement>('text'),
    preview: $('file-preview'),
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
}
let ui: ReturnType<typeof findUi>;

// One masker setting per page visit: the preview and the downloaded file get the same REPLACE
// surrogates and HASH values. Never stored, never sent.
const maskerOptions: MaskerOptions = { seed: crypto.getRandomValues(new Uint32Array(1))[0]!, hashKey: crypto.getRandomValues(new Uint8Array(32)) };

/** What the page scans: pasted text (cut into pieces for progress), or a structured file. */
type Input =
  | { kind: 'text'; text: string; fileName?: string }
  | { kind: 'file'; file: File; preview: FilePreview; blocks: { label: string; text: string }[] };

let engine: Engine;
const files = fileWorker(import.meta.url);
let input: Input = { kind: 'text', text: EXAMPLE };
const maskConfig: MaskConfig = {};
const found = new Map<string, number>();
let running: AbortController | undefined;
let lastMasked = '';
/** The input and options `lastMasked` was made with: a download after an edit runs again first. */
let lastKey = '';
/** The input the result panels show (whatever the options): a run over another input clears them. */
let shownInput = '';
let debounce: ReturnType<typeof setTimeout> | undefined;
/** The pasted text while a structured file is shown, given back when the file is closed. */
let textBeforeFile = '';

/** The model as the status line tells it. */
const model = {
  phase: 'starting' as 'starting' | 'loading' | 'ready' | 'failed',
  files: new Map<string, { loaded: number; total: number }>(),
  since: 0,
};

/** The work under way, for the status line and the progress bar. */
interface Job {
  verb: 'scanning' | 'anonymizing';
  what: 'text' | 'texts' | 'fields';
  done: number;
  total: number;
  /** Waits for the model before its first text (any method but `heuristics`). */
  usesModel: boolean;
  /** When counting started (the model ready), and the count then: the ETA's base. */
  counting?: { at: number; done: number };
}
let job: Job | undefined;

// ------------------------------------------------------------------------------------------------
// Engine and offline copy

function startEngine(): void {
  const backend = ui.backendChoice.value as 'auto' | 'wasm' | 'webgpu';
  model.phase = 'starting';
  model.files.clear();
  model.since = performance.now();
  setBadge('starting the engine…');
  engine = createWorkerEngine({
    model: new URL('../../models/pii-local-small/', location.href).href,
    modelOptions: {
      backend,
      onProgress: (p) => {
        if (model.phase !== 'loading') (model.phase = 'loading'), (model.since = performance.now());
        model.files.set(p.file, { loaded: p.loaded, total: p.total ?? 0 });
        setBadge(modelLoadingText());
        renderStatus();
      },
    },
  });
  const current = engine;
  current.ready().then(
    (m) => {
      if (current !== engine) return;
      model.phase = 'ready';
      const info = m as WorkerGlinerModel;
      const threads = info.backend === 'wasm' ? (info.crossOriginIsolated ? info.hardwareConcurrency : 1) : undefined;
      setBadge(
        info.backend === 'webgpu'
          ? 'model ready · WebGPU'
          : `model ready · WASM · ${threads} thread${threads === 1 ? '' : 's'}${info.crossOriginIsolated ? ' (cross-origin isolated)' : ' (not isolated: 1 thread)'}`,
        'ok',
      );
      renderStatus();
      void confirmOffline();
    },
    (error: unknown) => {
      if (current !== engine) return;
      model.phase = 'failed';
      const offlineHint = navigator.onLine ? '' : ' — offline: a backend never used online has no runtime on this device';
      setBadge(`model failed to load (${(error as Error).message})${offlineHint}; heuristics still work`, 'err');
      renderStatus();
    },
  );
}

function setBadge(text: string, kind: '' | 'ok' | 'err' = ''): void {
  ui.backend.textContent = text;
  ui.backend.className = `badge ${kind}`.trim();
}

/** `loading model 3.1/13.7 MB · ~4 s left` (the total grows as files start). */
function modelLoadingText(): string {
  let loaded = 0;
  let total = 0;
  for (const f of model.files.values()) (loaded += f.loaded), (total += f.total);
  const mb = (n: number) => (n / 1e6).toFixed(1);
  const left = total > 0 ? eta(loaded, total, model.since, 0) : '';
  return total > 0 ? `loading model ${mb(loaded)}/${mb(total)} MB${left}` : `loading model ${mb(loaded)} MB`;
}

let offline: OfflineRegistration | undefined;

function setOffline(text: string, kind: '' | 'ok' | 'err' = ''): void {
  ui.offline.textContent = text;
  ui.offline.className = `badge ${kind}`.trim();
}

/** Says "available offline" once the engine's files are really kept (the wasm lands a moment after the model is ready). */
async function confirmOffline(): Promise<void> {
  if (!offline?.controlled) return;
  for (let i = 0; i < 40; i++) {
    if ((await offlineCachedUrls()).some((u) => u.endsWith('.wasm'))) {
      setOffline(navigator.onLine ? 'available offline' : 'offline · running from this device', 'ok');
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  setOffline('offline copy incomplete (the runtime was not kept)', 'err');
}

// ------------------------------------------------------------------------------------------------
// Options

function method(): DetectionMethod {
  return ui.method.value as DetectionMethod;
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
// Status and progress

/** `data-state` on the body says what the page is doing (idle, busy, done, canceled, error). */
function setState(state: 'idle' | 'busy' | 'done' | 'canceled' | 'error'): void {
  document.body.dataset.state = state;
}

function startJob(next: Job): void {
  job = next;
  setState('busy');
  ui.cancel.hidden = false;
  ui.progressBox.hidden = false;
  ui.download.disabled = true;
  renderStatus();
}

function endJob(): void {
  job = undefined;
  ui.cancel.hidden = true;
  ui.progressBox.hidden = true;
  ui.download.disabled = false;
}

function onJobProgress(done: number, total: number): void {
  if (!job) return;
  job.done = done;
  job.total = total;
  renderStatus();
}

/**
 * The status line and the progress bar, from the model's state and the job's: `loading model
 * 3.1/13.7 MB` while a job waits for the model, then `scanning 12/80 texts · ~4 s left`.
 */
function renderStatus(): void {
  if (!job) return;
  const waiting = job.usesModel && job.done === 0 && model.phase !== 'ready' && model.phase !== 'failed';
  if (waiting) {
    let loaded = 0;
    let total = 0;
    for (const f of model.files.values()) (loaded += f.loaded), (total += f.total);
    if (total > 0) {
      ui.progress.max = total;
      ui.progress.value = loaded;
    } else ui.progress.removeAttribute('value'); // indeterminate
    ui.status.textContent = model.phase === 'loading' ? modelLoadingText() : 'starting the model…';
    return;
  }
  job.counting ??= { at: performance.now(), done: job.done };
  ui.progress.max = Math.max(1, job.total);
  ui.progress.value = job.done;
  ui.status.textContent = `${job.verb} ${job.done}/${job.total} ${job.what}${eta(job.done, job.total, job.counting.at, job.counting.done)}`;
}

/** ` · ~12 s left` from the rate since `since` (counted from `base`), or '' while there is no rate yet. */
function eta(done: number, total: number, since: number, base: number): string {
  const elapsed = (performance.now() - since) / 1000;
  if (done <= base || done >= total || elapsed < 0.2) return '';
  const left = ((total - done) * elapsed) / (done - base);
  return left < 90 ? ` · ~${Math.max(1, Math.round(left))} s left` : ` · ~${Math.round(left / 60)} min left`;
}

/**
 * Before a run: results of the same input are greyed (they may change), results of another input
 * are cleared (they would be read as this input's).
 */
function retireResults(inputId: string): void {
  if (shownInput === inputId) {
    ui.entities.classList.add('stale');
    ui.masked.classList.add('stale');
    return;
  }
  shownInput = '';
  found.clear();
  renderTypes();
  ui.entities.classList.remove('stale');
  ui.masked.classList.remove('stale');
  ui.entities.replaceChildren(Object.assign(document.createElement('div'), { className: 'empty', textContent: 'Scanning…' }));
  ui.masked.textContent = '';
  ui.foundSummary.textContent = '';
  lastMasked = '';
  lastKey = '';
}

// ------------------------------------------------------------------------------------------------
// Running

function schedule(delayMs: number): void {
  clearTimeout(debounce);
  debounce = setTimeout(() => void run(), delayMs);
}

async function run(): Promise<void> {
  clearTimeout(debounce);
  running?.abort();
  const controller = new AbortController();
  running = controller;
  const m = method();
  const key = resultKey();
  const inputId = inputKey();
  const blocks =
    input.kind === 'text'
      ? (() => {
          const { pieces, offsets } = splitForProgress(input.text);
          return [{ label: '', pieces, offsets, text: input.text }];
        })()
      : input.blocks.map((b) => ({ label: b.label, pieces: [b.text], offsets: [0], text: b.text }));
  const texts = blocks.flatMap((b) => b.pieces);
  retireResults(inputId);
  startJob({ verb: 'scanning', what: input.kind === 'file' ? 'fields' : texts.length === 1 ? 'text' : 'texts', done: 0, total: texts.length, usesModel: m !== 'heuristics' });
  const t0 = performance.now();
  try {
    const { samples } = await engine.redact(texts, {
      method: m,
      types: typesFor(m),
      threshold: threshold(),
      maskConfig: pick(maskConfig, typesFor(m)),
      masker: maskerOptions,
      signal: controller.signal,
      onProgress: onJobProgress,
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
    shownInput = inputId;
    ui.masked.textContent = lastMasked;
    ui.entities.classList.remove('stale');
    ui.masked.classList.remove('stale');
    const total = [...found.values()].reduce((a, b) => a + b, 0);
    ui.foundSummary.textContent = `${total} in ${blocks.length === 1 ? 'the text' : `${blocks.length} fields`}`;
    ui.status.textContent = `${total} entit${total === 1 ? 'y' : 'ies'} · ${Math.round(performance.now() - t0)} ms${failed ? ` · ${failed} piece(s) failed and were blanked` : ''}`;
    renderTypes();
    setState('done');
  } catch (error) {
    if (running !== controller) return;
    if (isAbort(error)) {
      ui.status.textContent = ui.entities.classList.contains('stale') ? 'canceled (the greyed result is the previous one)' : 'canceled';
      setState('canceled');
    } else {
      ui.status.textContent = `failed: ${(error as Error).message}`;
      setState('error');
    }
  } finally {
    if (running === controller) {
      running = undefined;
      endJob();
    }
  }
}

/** Which input is shown: the text itself, or the file (name, size, date). */
function inputKey(): string {
  return input.kind === 'text' ? `text:${input.text}` : `file:${input.file.name}:${input.file.size}:${input.file.lastModified}`;
}

function resultKey(): string {
  return JSON.stringify([inputKey(), method(), threshold(), maskConfig]);
}

function pick(config: MaskConfig, types: readonly string[]): MaskConfig {
  return Object.fromEntries(Object.entries(config).filter(([t]) => types.includes(t)));
}

// ------------------------------------------------------------------------------------------------
// Files

async function openFile(file: File): Promise<void> {
  const name = file.name.toLowerCase();
  if (/\.(txt|md|text)$/.test(name) || (!/\.(csv|tsv|jsonl|ndjson|json)$/.test(name) && file.type.startsWith('text/plain'))) {
    if (input.kind === 'file') closePreview();
    input = { kind: 'text', text: await file.text(), fileName: file.name };
    ui.text.value = input.text;
    showFile(file.name, 'text file: edit it above, download keeps its name');
    schedule(0);
    return;
  }
  ui.status.textContent = `reading ${file.name}…`;
  let preview: FilePreview;
  try {
    preview = await files.preview(file, PREVIEW_RECORDS); // parsed in the file worker
  } catch (error) {
    ui.status.textContent = `cannot read ${file.name}: ${(error as Error).message}`;
    return;
  }
  const blocks: { label: string; text: string }[] = [];
  for (const r of preview.rows) {
    if (r.error !== undefined) continue;
    for (const f of r.fields) blocks.push({ label: `record ${r.id} · ${f.key}`, text: f.text });
  }
  if (input.kind === 'text') textBeforeFile = ui.text.value;
  input = { kind: 'file', file, preview, blocks };
  const shown = preview.rows.length;
  const unreadable = preview.unreadable ? `, ${preview.unreadable} unreadable (blanked in the download)` : '';
  showFile(file.name, `${preview.format.toUpperCase()}, ${preview.records} records${unreadable}${shown < preview.records ? ` (preview: first ${shown}; the download covers all)` : ''}`);
  ui.fileInfo.dataset.parsedIn = preview.parsedIn;
  renderPreview(preview);
  schedule(0);
}

/** The file's first records as a table in the input panel, where the text box was. */
function renderPreview(preview: FilePreview): void {
  const table = document.createElement('table');
  const head = table.createTHead().insertRow();
  for (const c of ['#', ...preview.columns]) head.appendChild(Object.assign(document.createElement('th'), { textContent: c, title: c }));
  const body = table.createTBody();
  for (const r of preview.rows) {
    const row = body.insertRow();
    row.insertCell().textContent = String(r.row);
    if (r.error !== undefined) {
      const cell = row.insertCell();
      cell.colSpan = Math.max(1, preview.columns.length);
      cell.className = 'unreadable';
      cell.textContent = `unreadable (${r.error})`;
      continue;
    }
    const byKey = new Map(r.fields.map((f) => [f.key, f.text]));
    for (const c of preview.columns) {
      const text = byKey.get(c) ?? '';
      Object.assign(row.insertCell(), { textContent: text.length > 200 ? `${text.slice(0, 200)}…` : text, title: text.slice(0, 1000) });
    }
  }
  ui.preview.replaceChildren(table);
  ui.preview.hidden = false;
  ui.text.hidden = true;
}

function closePreview(): void {
  ui.preview.replaceChildren();
  ui.preview.hidden = true;
  ui.text.hidden = false;
  delete ui.fileInfo.dataset.parsedIn;
}

function showFile(name: string, detail: string): void {
  ui.downloadInfo.textContent = '';
  ui.fileInfo.hidden = false;
  ui.fileName.textContent = `${name} — ${detail}`;
}

function closeFile(): void {
  ui.downloadInfo.textContent = '';
  ui.fileInfo.hidden = true;
  if (input.kind === 'file') {
    closePreview();
    ui.text.value = textBeforeFile;
  }
  input = { kind: 'text', text: ui.text.value };
  schedule(0);
}

/** The anonymized file: a structured file through `redactFileWithReport` in the file worker (all records, same format); pasted text as shown. */
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
  const m = method();
  startJob({ verb: 'anonymizing', what: 'fields', done: 0, total: input.preview.records, usesModel: m !== 'heuristics' });
  const t0 = performance.now();
  try {
    const report = await files.redact(input.file, engine, {
      method: m,
      types: typesFor(m),
      maskConfig: pick(maskConfig, typesFor(m)),
      masker: maskerOptions,
      threshold: threshold(),
      signal: controller.signal,
      onProgress: onJobProgress,
    });
    const name = anonymizedName(input.file.name);
    save(new File([report.file], name, { type: report.file.type }));
    ui.downloadInfo.textContent = `saved ${name}: ${report.records} records in ${((performance.now() - t0) / 1000).toFixed(1)} s${report.failed ? `, ${report.failed} blanked after a failure` : ''}`;
    ui.status.textContent = `anonymized ${report.records} records`;
    setState('done');
  } catch (error) {
    if (running !== controller) return;
    ui.downloadInfo.textContent = isAbort(error) ? 'canceled' : `failed: ${(error as Error).message}`;
    ui.status.textContent = isAbort(error) ? 'download canceled' : 'download failed';
    setState(isAbort(error) ? 'canceled' : 'error');
  } finally {
    if (running === controller) {
      running = undefined;
      endJob();
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

function wire(): void {
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
  addEventListener('offline', () => setOffline(offline?.controlled ? 'offline · running from this device' : 'offline, and no offline copy', offline?.controlled ? 'ok' : 'err'));
  addEventListener('online', () => void confirmOffline());
}

async function main(): Promise<void> {
  ui = findUi();
  wire();
  ui.thresholdValue.value = threshold().toFixed(2);
  renderTypes();
  // The service worker first: the engine worker it controls from the start has its script and wasm kept.
  setOffline('offline copy: setting up…');
  offline = await registerOfflineWorker('offline-sw.js', { timeoutMs: 5000 });
  if (!offline.controlled) setOffline(`no offline copy (${offline.reason ?? 'unknown'})`, 'err');
  else setOffline('saving for offline use…');
  startEngine();
  void run();
}

// This script is also the file worker's (see demo-files.ts): there, it serves files and stops.
if (isFileWorker()) serveFiles();
else void main();
