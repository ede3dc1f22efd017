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
 * Canonical types the heuristics serve: the default set for `locales` (global types plus the
 * packs the locales switch on), or with `all: true` every type any recognizer can produce.
 */
export function heuristicTypes(options: { locales?: readonly string[]; all?: boolean } = {}): string[] {
  const recognizers = options.all ? RECOGNIZERS : defaultRecognizers(options.locales);
  return [...new Set(recognizers.map((r) => r.type))];
}

/** First words of each recognizer's context entries, for a cheap pre-check. */
const contextHeads = new WeakMap<Recognizer, string[]>();

/**
 * Whether the first word of one of the recognizer's context entries occurs anywhere in the text
 * (a substring test: a superset of the whole-word match `scan` makes), so recognizers of packs
 * that are off cost nothing on text that never mentions them.
 */
function mentionsContext(recognizer: Recognizer, lowerText: string): boolean {
  let heads = contextHeads.get(recognizer);
  if (heads === undefined) {
    heads = recognizer.context.map((c) => c.toLowerCase().split(/[^\p{L}\p{N}]+/u).find((w) => w.length > 0) ?? '').filter((w) => w.length > 0);
    contextHeads.set(recognizer, heads);
  }
  return heads.some((h) => lowerText.includes(h));
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
  if ((options.contextPacks ?? options.types === undefined) && contextWindow > 0) {
    const running = new Set(recognizers);
    const lower = text.toLowerCase();
    for (const recognizer of RECOGNIZERS) {
      if (running.has(recognizer) || recognizer.validate === undefined || !mentionsContext(recognizer, lower)) continue;
      for (const span of scan(recognizer, text, { contextWindow, requireContext: true })) spans.push(span);
    }
  }
  return spans.sort((a, b) => a.start - b.start || a.end - b.end || a.label.localeCompare(b.label));
}
