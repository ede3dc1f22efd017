/**
 * The hand-kept list of recognizers and the two questions the rest of the library asks: which
 * types can heuristics serve (`heuristicTypes`), and what is in this text (`recognize`).
 *
 * Packs: `global` recognizers always run by default. Country packs are switched on by locale
 * (`en-GB` → UK, `es` → ES, …); a bare `en`, or no locale at all, means `en-US`, as Presidio's
 * English defaults do. Naming a type in `types` runs its recognizer whatever the locale.
 */
import { canonicalType } from '../engine/labels.js';
import type { Span } from '../types.js';
import { auAbnRecognizer, auAcnRecognizer, auMedicareRecognizer, auTfnRecognizer } from './au.js';
import { caSinRecognizer } from './ca.js';
import { DEFAULT_CONTEXT_WINDOW } from './context.js';
import { creditCardRecognizer } from './credit-card.js';
import { cryptoRecognizer } from './crypto.js';
import { dateTimeRecognizer } from './date-time.js';
import { deIdCardRecognizer, deTaxIdRecognizer } from './de.js';
import { emailRecognizer } from './email.js';
import { esNieRecognizer, esNifRecognizer } from './es.js';
import { fiPersonalIdentityCodeRecognizer } from './fi.js';
import { ibanRecognizer } from './iban.js';
import { inAadhaarRecognizer, inPanRecognizer } from './in.js';
import { ipAddressRecognizer } from './ip-address.js';
import { itFiscalCodeRecognizer } from './it.js';
import { krRrnRecognizer } from './kr.js';
import { macAddressRecognizer } from './mac-address.js';
import { phoneRecognizer } from './phone.js';
import { plPeselRecognizer } from './pl.js';
import type { Pack, Recognizer } from './recognizer.js';
import { scan } from './scan.js';
import { sePersonalNumberRecognizer } from './se.js';
import { sgNricFinRecognizer } from './sg.js';
import { trNationalIdRecognizer } from './tr.js';
import { ukNhsRecognizer, ukNinoRecognizer, ukPostcodeRecognizer } from './uk.js';
import { urlRecognizer } from './url.js';
import { zaIdNumberRecognizer } from './za.js';
import {
  abaRoutingRecognizer,
  medicalLicenseRecognizer,
  usBankNumberRecognizer,
  usDriverLicenseRecognizer,
  usItinRecognizer,
  usPassportRecognizer,
} from './us-ids.js';
import { usSsnRecognizer } from './us-ssn.js';

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
  usSsnRecognizer,
  usItinRecognizer,
  usPassportRecognizer,
  usDriverLicenseRecognizer,
  usBankNumberRecognizer,
  abaRoutingRecognizer,
  medicalLicenseRecognizer,
  ukNhsRecognizer,
  ukNinoRecognizer,
  ukPostcodeRecognizer,
  esNifRecognizer,
  esNieRecognizer,
  itFiscalCodeRecognizer,
  plPeselRecognizer,
  fiPersonalIdentityCodeRecognizer,
  sePersonalNumberRecognizer,
  deTaxIdRecognizer,
  deIdCardRecognizer,
  auAbnRecognizer,
  auAcnRecognizer,
  auTfnRecognizer,
  auMedicareRecognizer,
  caSinRecognizer,
  inAadhaarRecognizer,
  inPanRecognizer,
  sgNricFinRecognizer,
  krRrnRecognizer,
  trNationalIdRecognizer,
  zaIdNumberRecognizer,
]);

const ALL_TYPES: ReadonlySet<string> = new Set(RECOGNIZERS.map((r) => r.type));

/** Language (ISO 639-1) → pack. */
const LANGUAGE_PACKS: Readonly<Record<string, Pack>> = {
  es: 'es', it: 'it', pl: 'pl', fi: 'fi', sv: 'se', de: 'de', tr: 'tr', ko: 'kr',
};
/** Region (ISO 3166-1) → pack. */
const REGION_PACKS: Readonly<Record<string, Pack>> = {
  US: 'us', GB: 'uk', UK: 'uk', ES: 'es', IT: 'it', PL: 'pl', FI: 'fi', SE: 'se', DE: 'de',
  AU: 'au', CA: 'ca', IN: 'in', SG: 'sg', KR: 'kr', TR: 'tr', ZA: 'za',
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
 * Canonical types the heuristics serve: the default set for `locales` (global types plus the
 * packs the locales switch on), or with `all: true` every type any recognizer can produce.
 */
export function heuristicTypes(options: { locales?: readonly string[]; all?: boolean } = {}): string[] {
  const recognizers = options.all ? RECOGNIZERS : defaultRecognizers(options.locales);
  return [...new Set(recognizers.map((r) => r.type))];
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
}

/**
 * Finds PII by pattern, checksum and context. Spans are sorted by start, carry the canonical type
 * as `label` and `heuristics:<recognizer id>` as `source`; spans of different recognizers may
 * overlap (the engine's merge resolves them), one recognizer never reports a value twice.
 * Never throws on odd text.
 */
export function recognize(text: string, options: RecognizeOptions = {}): Span[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  let recognizers: Recognizer[];
  if (options.types !== undefined) {
    const wanted = new Set<string>();
    for (const t of options.types) {
      const canonical = typeof t === 'string' ? canonicalType(t, ALL_TYPES) : undefined;
      if (canonical !== undefined) wanted.add(canonical);
    }
    recognizers = RECOGNIZERS.filter((r) => wanted.has(r.type));
  } else {
    recognizers = defaultRecognizers(options.locales);
  }
  const window = options.contextWindow;
  const contextWindow = typeof window === 'number' && Number.isFinite(window) ? Math.max(0, Math.min(50, Math.floor(window))) : DEFAULT_CONTEXT_WINDOW;
  const spans: Span[] = [];
  for (const recognizer of recognizers) {
    for (const span of scan(recognizer, text, { contextWindow })) spans.push(span); // no spread: may be huge
  }
  return spans.sort((a, b) => a.start - b.start || a.end - b.end || a.label.localeCompare(b.label));
}
