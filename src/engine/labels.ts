/**
 * The label vocabulary: one canonical upper-case name per entity type, and the aliases callers use
 * (Presidio, Google DLP, AWS Comprehend, the anonymization-run family's lower-case names).
 *
 * Output always uses the name the caller asked for: `resolveTypes` keeps, per canonical type, the
 * first caller spelling, and `displayName` maps back.
 */

/** Canonical types with the natural-language prompt GLiNER models are asked with. */
export const MODEL_PROMPTS: Readonly<Record<string, string>> = Object.freeze({
  PERSON: 'person',
  ORGANIZATION: 'organization',
  LOCATION: 'location',
  STREET_ADDRESS: 'street address',
  DATE_TIME: 'date',
  EMAIL: 'email',
  PHONE_NUMBER: 'phone number',
  AGE: 'age',
  NRP: 'nationality',
  TITLE: 'title',
  US_SSN: 'social security number',
  CREDIT_CARD: 'credit card number',
  IBAN_CODE: 'iban',
  IP_ADDRESS: 'ip address',
  URL: 'url',
  US_PASSPORT: 'passport number',
  US_DRIVER_LICENSE: 'driver license number',
  US_BANK_NUMBER: 'bank account number',
  MEDICAL_LICENSE: 'medical license number',
  USERNAME: 'username',
  PASSWORD: 'password',
});

/**
 * Types a language model (GLiNER or LLM) is needed for: no validated pattern exists for them.
 * Used to refuse `heuristics` for them instead of silently finding nothing.
 */
export const FREE_TEXT_TYPES: ReadonlySet<string> = new Set([
  'PERSON', 'ORGANIZATION', 'LOCATION', 'STREET_ADDRESS', 'AGE', 'NRP', 'TITLE', 'USERNAME', 'PASSWORD',
]);

/** Alias (upper-cased) → canonical. Canonical names map to themselves implicitly. */
const ALIASES: Readonly<Record<string, string>> = Object.freeze({
  // people
  PER: 'PERSON', NAME: 'PERSON', PERSON_NAME: 'PERSON', FIRST_NAME: 'PERSON', LAST_NAME: 'PERSON',
  FULL_NAME: 'PERSON', FEMALE_NAME: 'PERSON', MALE_NAME: 'PERSON', PATIENT: 'PERSON', STAFF: 'PERSON',
  DOCTOR: 'PERSON', MIDDLE_NAME: 'PERSON',
  // contact
  EMAIL_ADDRESS: 'EMAIL', PHONE: 'PHONE_NUMBER', TELEPHONE: 'PHONE_NUMBER', FAX_NUMBER: 'PHONE_NUMBER',
  US_TOLLFREE_PHONE_NUMBER: 'PHONE_NUMBER', MOBILE_NUMBER: 'PHONE_NUMBER',
  // places
  LOC: 'LOCATION', GPE: 'LOCATION', CITY: 'LOCATION', COUNTRY: 'LOCATION', STATE: 'LOCATION',
  ADDRESS: 'STREET_ADDRESS', STREET: 'STREET_ADDRESS', POSTAL_ADDRESS: 'STREET_ADDRESS',
  // organisations
  ORG: 'ORGANIZATION', ORGANISATION: 'ORGANIZATION', ORGANIZATION_NAME: 'ORGANIZATION',
  COMPANY: 'ORGANIZATION', COMPANY_NAME: 'ORGANIZATION', HOSPITAL: 'ORGANIZATION', VENDOR: 'ORGANIZATION',
  // dates
  DATE: 'DATE_TIME', TIME: 'DATE_TIME', DOB: 'DATE_TIME', DATE_OF_BIRTH: 'DATE_TIME', BIRTHDAY: 'DATE_TIME',
  // demographics
  NORP: 'NRP', NATIONALITY: 'NRP', ETHNIC_GROUP: 'NRP', JOB_TITLE: 'TITLE',
  // finance
  CREDIT_CARD_NUMBER: 'CREDIT_CARD', CREDIT_DEBIT_NUMBER: 'CREDIT_CARD', IBAN: 'IBAN_CODE',
  INTERNATIONAL_BANK_ACCOUNT_NUMBER: 'IBAN_CODE', FINANCIAL_ACCOUNT_NUMBER: 'US_BANK_NUMBER',
  BANK_ACCOUNT_NUMBER: 'US_BANK_NUMBER', ACCOUNT_NUMBER: 'US_BANK_NUMBER', US_BANK_ROUTING_MICR: 'ABA_ROUTING_NUMBER',
  BANK_ROUTING: 'ABA_ROUTING_NUMBER', ROUTING_NUMBER: 'ABA_ROUTING_NUMBER', CRYPTO_WALLET: 'CRYPTO',
  // network
  IP: 'IP_ADDRESS', IPV4: 'IP_ADDRESS', IPV6: 'IP_ADDRESS', DOMAIN_NAME: 'URL', MAC_ADDRESS_LOCAL: 'MAC_ADDRESS',
  GUID: 'UUID',
  // secrets (AWS Comprehend, Google DLP)
  AWS_ACCESS_KEY: 'API_KEY', AWS_SECRET_KEY: 'API_KEY', GCP_API_KEY: 'API_KEY', AUTH_TOKEN: 'API_KEY', JSON_WEB_TOKEN: 'API_KEY',
  API_TOKEN: 'API_KEY', ACCESS_TOKEN: 'API_KEY', SECRET_KEY: 'API_KEY',
  // US ids
  SSN: 'US_SSN', US_SOCIAL_SECURITY_NUMBER: 'US_SSN', SOCIAL_SECURITY_NUMBER: 'US_SSN',
  US_INDIVIDUAL_TAXPAYER_IDENTIFICATION_NUMBER: 'US_ITIN', US_INDIVIDUAL_TAX_IDENTIFICATION_NUMBER: 'US_ITIN',
  PASSPORT: 'US_PASSPORT', PASSPORT_NUMBER: 'US_PASSPORT', US_DRIVERS_LICENSE_NUMBER: 'US_DRIVER_LICENSE',
  DRIVER_ID: 'US_DRIVER_LICENSE', DRIVER_LICENSE: 'US_DRIVER_LICENSE', DRIVERS_LICENSE: 'US_DRIVER_LICENSE',
  US_DEA_NUMBER: 'MEDICAL_LICENSE', DEA_NUMBER: 'MEDICAL_LICENSE',
  // UK
  UK_NATIONAL_HEALTH_SERVICE_NUMBER: 'UK_NHS', NHS_NUMBER: 'UK_NHS', UK_NATIONAL_INSURANCE_NUMBER: 'UK_NINO',
  POSTCODE: 'UK_POSTCODE',
  // other countries
  CANADA_SOCIAL_INSURANCE_NUMBER: 'CA_SIN', CA_SOCIAL_INSURANCE_NUMBER: 'CA_SIN',
  CANADA_POSTAL_CODE: 'CA_POSTAL_CODE', CA_POSTCODE: 'CA_POSTAL_CODE',
  INDIA_AADHAAR_INDIVIDUAL: 'IN_AADHAAR', AUSTRALIA_TAX_FILE_NUMBER: 'AU_TFN', AUSTRALIA_MEDICARE_NUMBER: 'AU_MEDICARE',
  SPAIN_NIF_NUMBER: 'ES_NIF', SPAIN_DNI_NUMBER: 'ES_NIF', SPAIN_NIE_NUMBER: 'ES_NIE', ITALY_FISCAL_CODE: 'IT_FISCAL_CODE',
  POLAND_PESEL_NUMBER: 'PL_PESEL', SINGAPORE_NATIONAL_REGISTRATION_ID_NUMBER: 'SG_NRIC_FIN', KOREA_RRN: 'KR_RRN',
  FINLAND_NATIONAL_ID_NUMBER: 'FI_PERSONAL_IDENTITY_CODE', SWEDEN_NATIONAL_ID_NUMBER: 'SE_PERSONAL_NUMBER',
  SE_PERSONNUMMER: 'SE_PERSONAL_NUMBER', TURKEY_ID_NUMBER: 'TR_NATIONAL_ID',
  GERMANY_TAXPAYER_IDENTIFICATION_NUMBER: 'DE_TAX_ID', SOUTH_AFRICA_ID_NUMBER: 'ZA_ID_NUMBER',
  US_MEDICARE_BENEFICIARY_ID_NUMBER: 'US_MBI', US_HEALTHCARE_NPI: 'US_NPI',
  UK_DRIVERS_LICENSE_NUMBER: 'UK_DRIVING_LICENCE', UK_DRIVING_LICENSE: 'UK_DRIVING_LICENCE',
  INDIA_PAN_INDIVIDUAL: 'IN_PAN', IN_PERMANENT_ACCOUNT_NUMBER: 'IN_PAN', INDIA_GST_INDIVIDUAL: 'IN_GSTIN',
  IN_VOTER_NUMBER: 'IN_VOTER', SPAIN_PASSPORT: 'ES_PASSPORT', THAILAND_NATIONAL_ID_NUMBER: 'TH_TNIN',
  SE_ORGANIZATION_NUMBER: 'SE_ORGANISATIONSNUMMER', KOREA_PASSPORT: 'KR_PASSPORT', IT_VAT: 'IT_VAT_CODE', IT_PARTITA_IVA: 'IT_VAT_CODE',
  // Germany: Google DLP names and the names of Presidio's alternative German recognizers
  GERMANY_PASSPORT: 'DE_PASSPORT', GERMANY_IDENTITY_CARD_NUMBER: 'DE_ID_CARD',
  GERMANY_DRIVERS_LICENSE_NUMBER: 'DE_FUEHRERSCHEIN', DE_DRIVER_LICENSE: 'DE_FUEHRERSCHEIN',
  DE_LICENSE_PLATE: 'DE_KFZ', DE_POSTAL_CODE: 'DE_PLZ', DE_KVNR: 'DE_HEALTH_INSURANCE',
  DE_COMMERCIAL_REGISTER: 'DE_HANDELSREGISTER', DE_VAT_CODE: 'DE_VAT_ID', DE_STEUERNUMMER: 'DE_TAX_NUMBER',
  PH_UNIFIED_MULTI_PURPOSE_ID: 'PH_UMID', PHILIPPINES_UMID: 'PH_UMID',
  // South Africa
  SOUTH_AFRICA_PASSPORT: 'ZA_PASSPORT', ZA_TAX_NUMBER: 'ZA_INCOME_TAX_NUMBER', ZA_TAX_REFERENCE_NUMBER: 'ZA_INCOME_TAX_NUMBER',
  ZA_TIN: 'ZA_INCOME_TAX_NUMBER', ZA_VAT: 'ZA_VAT_NUMBER', ZA_DRIVERS_LICENSE: 'ZA_DRIVER_LICENSE', ZA_DRIVING_LICENCE: 'ZA_DRIVER_LICENSE',
  ZA_LICENCE_PLATE: 'ZA_LICENSE_PLATE', ZA_VEHICLE_REGISTRATION: 'ZA_LICENSE_PLATE', ZA_TRN: 'ZA_TRAFFIC_REGISTER_NUMBER',
  ZA_CIPC_NUMBER: 'ZA_COMPANY_REGISTRATION',
  // Denmark (Google DLP: DENMARK_CPR_NUMBER)
  DK_CPR: 'DK_CPR_NUMBER', DENMARK_CPR_NUMBER: 'DK_CPR_NUMBER', DK_PERSONNUMMER: 'DK_CPR_NUMBER',
});

/** Normalise any accepted spelling to its canonical type, or `undefined` if unknown. */
export function canonicalType(name: string, known: ReadonlySet<string>): string | undefined {
  const upper = name.trim().toUpperCase().replace(/[\s-]+/g, '_');
  if (known.has(upper)) return upper;
  const alias = ALIASES[upper];
  return alias !== undefined && known.has(alias) ? alias : undefined;
}

/** The caller's requested types resolved to canonical ones, remembering the caller's spelling. */
export interface ResolvedTypes {
  /** Canonical types, in request order, without duplicates. */
  canonical: string[];
  /** Canonical → the first name the caller used for it (what output reports). */
  display: Map<string, string>;
  /** Caller names that resolve to nothing known. */
  unknown: string[];
}

export function resolveTypes(requested: readonly string[], known: ReadonlySet<string>): ResolvedTypes {
  const canonical: string[] = [];
  const display = new Map<string, string>();
  const unknown: string[] = [];
  for (const name of requested) {
    const type = canonicalType(name, known);
    if (type === undefined) {
      unknown.push(name);
      continue;
    }
    if (!display.has(type)) {
      display.set(type, name);
      canonical.push(type);
    }
  }
  return { canonical, display, unknown };
}

/** Prompt wording for a canonical type: the table above, else the type in lower-case words. */
export function promptFor(type: string, overrides?: Readonly<Record<string, string>>): string {
  return overrides?.[type] ?? MODEL_PROMPTS[type] ?? type.toLowerCase().replace(/_/g, ' ');
}
