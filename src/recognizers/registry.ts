/**
 * The hand-kept list of recognizers and the two questions the rest of the library asks: which
 * types can heuristics serve (`heuristicTypes`), and what is in this text (`recognize`).
 *
 * Packs: `global` recognizers always run by default. Country packs are switched on by locale
 * (`en-GB` → UK, `es` → ES, …); a bare `en`, or no locale at all, means `en-US`, as Presidio's
 * English defaults do. Naming a type in `types` runs its recognizer whatever the locale. Without
 * `types`, the text itself can switch a recognizer on: a value whose check passes right after one
 * of its context words ("NHS number 943 476 5919") is reported whatever the locale.
 *
 * Layout: generic families are one file each here (`iban.ts`, `phone.ts`, …); a country pack is a
 * folder (`de/`, `us/`, …) with one recognizer per file, re-exported by its `index.ts`.
 */
import { canonicalType } from '../engine/labels.js';
import type { Span } from '../types.js';
import { apiKeyRecognizer } from './api-key.js';
import { auAbnRecognizer, auAcnRecognizer, auMedicareRecognizer, auTfnRecognizer } from './au/index.js';
import { caPostalCodeRecognizer, caSinRecognizer } from './ca/index.js';
import { DEFAULT_CONTEXT_WINDOW } from './context.js';
import { creditCardRecognizer } from './credit-card.js';
import { cryptoRecognizer } from './crypto.js';
import { dateTimeRecognizer } from './date-time.js';
import {
  deBsnrRecognizer,
  deFuehrerscheinRecognizer,
  deHandelsregisterRecognizer,
  deHealthInsuranceRecognizer,
  deIdCardRecognizer,
  deKfzRecognizer,
  deLanrRecognizer,
  dePassportRecognizer,
  dePlzRecognizer,
  deSocialSecurityRecognizer,
  deTaxIdRecognizer,
  deTaxNumberRecognizer,
  deVatIdRecognizer,
} from './de/index.js';
import { dkCprRecognizer } from './dk/index.js';
import { emailRecognizer } from './email.js';
import { esNieRecognizer, esNifRecognizer, esPassportRecognizer } from './es/index.js';
import { fiPersonalIdentityCodeRecognizer } from './fi/index.js';
import { ibanRecognizer } from './iban.js';
import {
  inAadhaarRecognizer,
  inGstinRecognizer,
  inPanRecognizer,
  inPassportRecognizer,
  inVehicleRegistrationRecognizer,
  inVoterRecognizer,
} from './in/index.js';
import { ipAddressRecognizer } from './ip-address.js';
import { itDriverLicenseRecognizer, itFiscalCodeRecognizer, itIdentityCardRecognizer, itPassportRecognizer, itVatCodeRecognizer } from './it/index.js';
import { krBrnRecognizer, krDriverLicenseRecognizer, krFrnRecognizer, krPassportRecognizer, krRrnRecognizer } from './kr/index.js';
import { macAddressRecognizer } from './mac-address.js';
import { ngNinRecognizer, ngVehicleRegistrationRecognizer } from './ng/index.js';
import { phPassportRecognizer, phTinRecognizer, phUmidRecognizer } from './ph/index.js';
import { phoneRecognizer } from './phone.js';
import { plPeselRecognizer } from './pl/index.js';
import type { Pack, Recognizer } from './recognizer.js';
import { scan } from './scan.js';
import { seOrganisationsnummerRecognizer, sePersonalNumberRecognizer } from './se/index.js';
import { sgNricFinRecognizer, sgUenRecognizer } from './sg/index.js';
import { thTninRecognizer } from './th/index.js';
import { trLicensePlateRecognizer, trNationalIdRecognizer } from './tr/index.js';
import {
  ukDrivingLicenceRecognizer,
  ukNhsRecognizer,
  ukNinoRecognizer,
  ukPassportRecognizer,
  ukPostcodeRecognizer,
  ukVehicleRegistrationRecognizer,
} from './uk/index.js';
import { urlRecognizer } from './url.js';
import { uuidRecognizer } from './uuid.js';
import {
  zaCompanyRegistrationRecognizer,
  zaDriverLicenseRecognizer,
  zaIdNumberRecognizer,
  zaIncomeTaxNumberRecognizer,
  zaLicensePlateRecognizer,
  zaMobileNumberRecognizer,
  zaPassportRecognizer,
  zaTelephoneNumberRecognizer,
  zaTrafficRegisterNumberRecognizer,
  zaVatNumberRecognizer,
} from './za/index.js';
import {
  abaRoutingRecognizer,
  medicalLicenseRecognizer,
  usBankNumberRecognizer,
  usDriverLicenseRecognizer,
  usItinRecognizer,
  usMbiRecognizer,
  usNpiRecognizer,
  usPassportRecognizer,
  usSsnRecognizer,
} from './us/index.js';

/** Every recognizer, global first, then country packs. One canonical type each. */
export const RECOGNIZERS: readonly Recognizer[] = Object.freeze([
  emailRecognizer,
  phoneRecognizer,
  creditCardRecognizer,
  ibanRecognizer,
  ipAddressRecognizer,
  urlRecognizer,
  macAddressRecognizer,
  cryptoRecognizer,
  dateTimeRecognizer,
  uuidRecognizer,
  apiKeyRecognizer,
  usSsnRecognizer,
  usItinRecognizer,
  usPassportRecognizer,
  usDriverLicenseRecognizer,
  usBankNumberRecognizer,
  abaRoutingRecognizer,
  medicalLicenseRecognizer,
  usMbiRecognizer,
  usNpiRecognizer,
  ukNhsRecognizer,
  ukNinoRecognizer,
  ukPostcodeRecognizer,
  ukDrivingLicenceRecognizer,
  ukPassportRecognizer,
  ukVehicleRegistrationRecognizer,
  esNifRecognizer,
  esNieRecognizer,
  esPassportRecognizer,
  itFiscalCodeRecognizer,
  itVatCodeRecognizer,
  itDriverLicenseRecognizer,
  itPassportRecognizer,
  itIdentityCardRecognizer,
  plPeselRecognizer,
  fiPersonalIdentityCodeRecognizer,
  sePersonalNumberRecognizer,
  seOrganisationsnummerRecognizer,
  deTaxIdRecognizer,
  deIdCardRecognizer,
  deTaxNumberRecognizer,
  dePassportRecognizer,
  deSocialSecurityRecognizer,
  deHealthInsuranceRecognizer,
  deKfzRecognizer,
  deHandelsregisterRecognizer,
  dePlzRecognizer,
  deLanrRecognizer,
  deBsnrRecognizer,
  deVatIdRecognizer,
  deFuehrerscheinRecognizer,
  auAbnRecognizer,
  auAcnRecognizer,
  auTfnRecognizer,
  auMedicareRecognizer,
  caSinRecognizer,
  caPostalCodeRecognizer,
  inAadhaarRecognizer,
  inPanRecognizer,
  inGstinRecognizer,
  inVoterRecognizer,
  inPassportRecognizer,
  inVehicleRegistrationRecognizer,
  sgNricFinRecognizer,
  sgUenRecognizer,
  krRrnRecognizer,
  krFrnRecognizer,
  krBrnRecognizer,
  krDriverLicenseRecognizer,
  krPassportRecognizer,
  trNationalIdRecognizer,
  trLicensePlateRecognizer,
  zaIdNumberRecognizer,
  zaIncomeTaxNumberRecognizer,
  zaVatNumberRecognizer,
  zaPassportRecognizer,
  zaCompanyRegistrationRecognizer,
  zaDriverLicenseRecognizer,
  zaTrafficRegisterNumberRecognizer,
  zaLicensePlateRecognizer,
  zaMobileNumberRecognizer,
  zaTelephoneNumberRecognizer,
  ngNinRecognizer,
  ngVehicleRegistrationRecognizer,
  thTninRecognizer,
  phTinRecognizer,
  phPassportRecognizer,
  phUmidRecognizer,
  dkCprRecognizer,
]);

const ALL_TYPES: ReadonlySet<string> = new Set(RECOGNIZERS.map((r) => r.type));

/** Language (ISO 639-1) → pack. */
const LANGUAGE_PACKS: Readonly<Record<string, Pack>> = {
  es: 'es', it: 'it', pl: 'pl', fi: 'fi', sv: 'se', de: 'de', tr: 'tr', ko: 'kr', th: 'th', fil: 'ph', tl: 'ph', da: 'dk',
};
/** Region (ISO 3166-1) → pack. */
const REGION_PACKS: Readonly<Record<string, Pack>> = {
  US: 'us', GB: 'uk', UK: 'uk', ES: 'es', IT: 'it', PL: 'pl', FI: 'fi', SE: 'se', DE: 'de',
  AU: 'au', CA: 'ca', IN: 'in', SG: 'sg', KR: 'kr', TR: 'tr', ZA: 'za', NG: 'ng', TH: 'th', PH: 'ph', DK: 'dk',
};

/** Packs switched on by a list of BCP 47 locales (`en-GB`, `es`, `fr_CA`); none → `en-US`. */
export function packsFor(locales: readonly string[] | undefined): Set<Pack> {
  const packs = new Set<Pack>(['global']);
  const list = locales && locales.length > 0 ? locales : ['en'];
  for (const locale of list) {
    if (typeof locale !== 'string') continue;
    const [language = '', region] = locale.trim().split(/[-_]/);
    const lang = language.toLowerCase();
    const byRegion = region !== undefined ? REGION_PACKS[region.toUpperCase()] : undefined;
    if (byRegion) packs.add(byRegion);
    const byLanguage = LANGUAGE_PACKS[lang];
    if (byLanguage) packs.add(byLanguage);
    if (lang === 'en' && region === undefined) packs.add('us');
  }
  return packs;
}

function defaultRecognizers(locales: readonly string[] | undefined): Recognizer[] {
  const packs = packsFor(locales);
  return RECOGNIZERS.filter((r) => packs.has(r.pack) && r.defaultOn !== false);
}

/**
 * What `recognize` runs for one set of options, worked out once per distinct `types`/`locales`
 * (a file's cells all ask the same): the recognizers, and those left for context packs.
 */
interface Selection {
  recognizers: readonly Recognizer[];
  /** Recognizers not running that a context word can switch on (they have a check), with their index in `RECOGNIZERS`. */
  others: ReadonlyArray<{ recognizer: Recognizer; index: number }>;
}

const selections = new Map<string, Selection>();
/** Distinct option sets kept; past this the memo is cleared (callers rarely vary them). */
const MAX_SELECTIONS = 64;

/** The last call's options (copies) and selection: a file's cells ask the same, call after call. */
let last: { types: readonly unknown[] | undefined; locales: readonly unknown[] | undefined; selection: Selection } | undefined;

const sameList = (a: readonly unknown[] | undefined, b: readonly unknown[] | undefined) =>
  a === undefined || b === undefined ? a === b : a.length === b.length && a.every((x, i) => x === b[i]);

function select(types: readonly unknown[] | undefined, locales: readonly unknown[] | undefined): Selection {
  if (last !== undefined && sameList(types, last.types) && (types !== undefined || sameList(locales, last.locales))) return last.selection;
  const selection = selectAfresh(types, locales);
  last = { types: types && [...types], locales: locales && [...locales], selection };
  return selection;
}

function selectAfresh(types: readonly unknown[] | undefined, locales: readonly unknown[] | undefined): Selection {
  // Keys of strings only: any odd entry is resolved afresh, as before.
  const plain = (xs: readonly unknown[] | undefined) => xs === undefined || xs.every((x) => typeof x === 'string' && !x.includes('\u0000'));
  const memo = plain(types) && (types !== undefined || plain(locales));
  const key = memo ? (types !== undefined ? `t\u0000${types.join('\u0000')}` : `l\u0000${locales === undefined ? '' : `\u0001${locales.join('\u0000')}`}`) : undefined;
  const hit = key === undefined ? undefined : selections.get(key);
  if (hit !== undefined) return hit;
  let recognizers: Recognizer[];
  if (types !== undefined) {
    const wanted = new Set<string>();
    for (const t of types) {
      const canonical = typeof t === 'string' ? canonicalType(t, ALL_TYPES) : undefined;
      if (canonical !== undefined) wanted.add(canonical);
    }
    recognizers = RECOGNIZERS.filter((r) => wanted.has(r.type));
  } else {
    recognizers = defaultRecognizers(locales as readonly string[] | undefined);
  }
  const running = new Set(recognizers);
  const selection: Selection = { recognizers, others: RECOGNIZERS.flatMap((recognizer, index) => (!running.has(recognizer) && recognizer.validate !== undefined ? [{ recognizer, index }] : [])) };
  if (key !== undefined) {
    if (selections.size >= MAX_SELECTIONS) selections.clear();
    selections.set(key, selection);
  }
  return selection;
}

/**
 * Canonical types the heuristics serve: the default set for `locales` (global types plus the
 * packs the locales switch on), or with `all: true` every type any recognizer can produce.
 */
export function heuristicTypes(options: { locales?: readonly string[]; all?: boolean } = {}): string[] {
  const recognizers = options.all ? RECOGNIZERS : select(undefined, options.locales).recognizers;
  return [...new Set(recognizers.map((r) => r.type))];
}

/** First words of each recognizer's context entries, for a cheap pre-check. */
const contextHeads = new WeakMap<Recognizer, string[]>();

/**
 * The first word of each of the recognizer's context entries. A recognizer of a pack that is off
 * runs only on text where one of them occurs anywhere (a substring test, `markMentions`: a
 * superset of the whole-word match `scan` makes), so it costs nothing on text that never
 * mentions it.
 */
function headsOf(recognizer: Recognizer): string[] {
  let heads = contextHeads.get(recognizer);
  if (heads === undefined) {
    heads = recognizer.context.map((c) => c.toLowerCase().split(/[^\p{L}\p{N}]+/u).find((w) => w.length > 0) ?? '').filter((w) => w.length > 0);
    contextHeads.set(recognizer, heads);
  }
  return heads;
}

/** Every context head of every recognizer, as a trie of char codes; `owners` index `RECOGNIZERS`. */
interface HeadNode {
  next: Map<number, HeadNode>;
  owners: number[];
}

let headTrie: HeadNode | undefined;
/** Per recognizer, the pass (`pass`) in which the text last mentioned one of its heads. */
const mentionedIn = new Uint32Array(RECOGNIZERS.length);
let pass = 0;

/**
 * Marks the recognizers one of whose context heads occurs in `lowerText` (what `mentionsContext`
 * answers, for all of them in one walk of the text instead of one `includes` per head); read the
 * marks with `mentionedIn[i] === pass`.
 */
function markMentions(lowerText: string): void {
  headTrie ??= buildHeadTrie();
  if (++pass === 0xffffffff) {
    mentionedIn.fill(0);
    pass = 1;
  }
  for (let i = 0; i < lowerText.length; i++) {
    let node: HeadNode | undefined = headTrie;
    for (let j = i; j < lowerText.length; j++) {
      node = node.next.get(lowerText.charCodeAt(j));
      if (node === undefined) break;
      for (const o of node.owners) mentionedIn[o] = pass;
    }
  }
}

function buildHeadTrie(): HeadNode {
  const root: HeadNode = { next: new Map(), owners: [] };
  RECOGNIZERS.forEach((recognizer, index) => {
    for (const head of headsOf(recognizer)) {
      let node = root;
      for (let k = 0; k < head.length; k++) {
        const c = head.charCodeAt(k);
        let child = node.next.get(c);
        if (child === undefined) node.next.set(c, (child = { next: new Map(), owners: [] }));
        node = child;
      }
      if (!node.owners.includes(index)) node.owners.push(index);
    }
  });
  return root;
}

/** Options of `recognize`. */
export interface RecognizeOptions {
  /**
   * Types to look for (canonical names or aliases from `src/engine/labels.ts`). Naming a type runs
   * its recognizer whatever the locale. Default: the default set for `locales`.
   */
  types?: readonly string[];
  /** BCP 47 locales switching country packs on when `types` is not given. @defaultValue `['en']` (US pack) */
  locales?: readonly string[];
  /** Words before a match searched for context words; 0 turns context scoring off. @defaultValue 5 */
  contextWindow?: number;
  /**
   * Also run the recognizers left out (packs the locales do not switch on, and those off by
   * default), keeping only values whose check passes right after one of their context words.
   * Pattern-only types (no check) never switch on this way: a context word alone is too weak.
   * @defaultValue true when `types` is not given, false when it is
   */
  contextPacks?: boolean;
}

/** What `Recognizer.needsDigit` asks of a text. */
const DIGIT = /\d/;

/**
 * Finds PII by pattern, checksum and context. Spans are sorted by start, carry the canonical type
 * as `label` and `heuristics:<recognizer id>` as `source`; spans of different recognizers may
 * overlap (the engine's merge resolves them), one recognizer never reports a value twice.
 * Never throws on odd text.
 */
export function recognize(text: string, options: RecognizeOptions = {}): Span[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const { recognizers, others } = select(options.types, options.locales);
  const window = options.contextWindow;
  const contextWindow = typeof window === 'number' && Number.isFinite(window) ? Math.max(0, Math.min(50, Math.floor(window))) : DEFAULT_CONTEXT_WINDOW;
  const spans: Span[] = [];
  const digits = DIGIT.test(text);
  for (const recognizer of recognizers) {
    if (recognizer.needsDigit === true && !digits) continue;
    for (const span of scan(recognizer, text, { contextWindow })) spans.push(span); // no spread: may be huge
  }
  if ((options.contextPacks ?? options.types === undefined) && contextWindow > 0) {
    markMentions(text.toLowerCase());
    for (const { recognizer, index } of others) {
      if (mentionedIn[index] !== pass || (recognizer.needsDigit === true && !digits)) continue;
      for (const span of scan(recognizer, text, { contextWindow, requireContext: true })) spans.push(span);
    }
  }
  return spans.sort((a, b) => a.start - b.start || a.end - b.end || a.label.localeCompare(b.label));
}
