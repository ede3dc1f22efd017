import { headerWords } from './column-keys.js';
import type { ColumnRole } from './types.js';

/** What a header says about its column; `unknown` stops a more generic match (`file name` is not a person). */
export interface HeaderHint {
  role: ColumnRole | 'unknown';
  type?: string;
}

interface Entry extends HeaderHint {
  phrases: readonly string[];
}

const pii = (type: string, phrases: readonly string[]): Entry => ({ role: 'pii', type, phrases });

/**
 * Header vocabulary: English, Spanish, French, German, Italian, Portuguese, Dutch, Polish (accents
 * folded, as `headerWords` reads headers). The longest phrase found in a header wins; at equal
 * length the one further right (the head noun: `User ID` is an identifier, `Name of company` an
 * organization), then the earlier entry. Every type here is a canonical type of the engine (a
 * test checks it).
 */
const ENTRIES: readonly Entry[] = [
  // Not what the generic word suggests: decided by the values.
  {
    role: 'unknown',
    phrases: ['file name', 'filename', 'product name', 'product', 'item name', 'host name', 'hostname', 'domain name', 'brand name',
      'display name', 'field name', 'column name', 'tax id', 'national id', 'id number', 'id no', 'document number', 'contact', 'id card'],
  },
  pii('EMAIL', ['email', 'e mail', 'mail', 'email address', 'e mail address', 'courriel', 'correo', 'correo electronico', 'adresse e mail',
    'adresse mail', 'adresse electronique', 'posta elettronica', 'indirizzo email', 'endereco de email', 'endereco eletronico']),
  pii('PHONE_NUMBER', ['phone', 'telephone', 'tel', 'mobile', 'mobile phone', 'cell', 'cell phone', 'cellphone', 'fax', 'phone number',
    'contact number', 'landline', 'telefono', 'movil', 'celular', 'portable', 'handy', 'telefon', 'telefonnummer', 'mobil', 'mobilnummer',
    'cellulare', 'telemovel', 'telefoon', 'gsm', 'numero de telephone', 'numero de telefono', 'phone no', 'phone nr', 'tel no', 'mobile no',
    'telefon nr']),
  pii('IP_ADDRESS', ['ip', 'ip address', 'ipv4', 'ipv6', 'adresse ip', 'direccion ip']),
  pii('MAC_ADDRESS', ['mac', 'mac address']),
  pii('URL', ['url', 'website', 'web site', 'homepage', 'home page', 'link', 'sitio web', 'site web', 'webseite']),
  pii('STREET_ADDRESS', ['address', 'street', 'street address', 'home address', 'mailing address', 'postal address', 'billing address',
    'shipping address', 'addr', 'address line', 'street name', 'direccion', 'domicilio', 'calle', 'adresse', 'rue', 'indirizzo',
    'strasse', 'anschrift', 'morada', 'endereco', 'adres', 'ulica']),
  pii('LOCATION', ['city', 'town', 'city name', 'country', 'province', 'county', 'zip', 'zip code', 'zipcode',
    'postcode', 'post code', 'postal code', 'ciudad', 'localidad', 'pais', 'provincia', 'codigo postal', 'ville', 'pays', 'code postal',
    'stadt', 'ort', 'wohnort', 'land', 'plz', 'postleitzahl', 'citta', 'comune', 'cap', 'cidade', 'woonplaats', 'postcode nl', 'miasto',
    'kod pocztowy']),
  pii('DATE_TIME', ['dob', 'date of birth', 'birth date', 'birthdate', 'birthday', 'born', 'date', 'datetime', 'timestamp', 'fecha',
    'fecha de nacimiento', 'fecha nacimiento', 'date de naissance', 'data di nascita', 'data de nascimento', 'geburtsdatum', 'geboortedatum',
    'datum', 'data urodzenia', 'created', 'updated', 'created at', 'updated at', 'last login', 'visit date']),
  pii('US_SSN', ['ssn', 'social security', 'social security number', 'social security no']),
  pii('US_ITIN', ['itin']),
  pii('IBAN_CODE', ['iban', 'iban code']),
  pii('CREDIT_CARD', ['credit card', 'credit card number', 'card number', 'cc number', 'debit card', 'tarjeta', 'numero de tarjeta',
    'carte bancaire', 'carte de credit', 'kreditkarte', 'carta di credito', 'card no']),
  pii('US_BANK_NUMBER', ['bank account', 'account number', 'bank account number']),
  pii('ABA_ROUTING_NUMBER', ['routing number', 'aba', 'aba routing']),
  pii('US_PASSPORT', ['passport', 'passport number', 'passport no', 'pasaporte', 'passeport', 'reisepass', 'passaporto']),
  pii('US_DRIVER_LICENSE', ['driver license', 'drivers license', 'driver licence', 'driving licence', 'driving license', 'license number', 'licence number']),
  pii('UK_NHS', ['nhs', 'nhs number', 'nhs no']),
  pii('UK_NINO', ['nino', 'national insurance', 'national insurance number', 'ni number']),
  pii('CA_SIN', ['sin', 'social insurance number']),
  pii('IN_AADHAAR', ['aadhaar', 'aadhar']),
  pii('PL_PESEL', ['pesel']),
  pii('ES_NIF', ['nif', 'dni']),
  pii('ES_NIE', ['nie']),
  pii('IT_FISCAL_CODE', ['codice fiscale']),
  pii('DE_TAX_ID', ['steuer id', 'steuerid', 'steueridentifikationsnummer']),
  pii('SE_PERSONAL_NUMBER', ['personnummer']),
  pii('FI_PERSONAL_IDENTITY_CODE', ['henkilotunnus', 'hetu']),
  pii('TR_NATIONAL_ID', ['tc kimlik', 'kimlik no']),
  pii('CRYPTO', ['wallet', 'crypto wallet', 'bitcoin address', 'btc address']),
  pii('AGE', ['age', 'edad', 'eta', 'alter', 'idade', 'leeftijd', 'wiek']),
  pii('ORGANIZATION', ['company', 'company name', 'employer', 'organization', 'organisation', 'organization name', 'business name',
    'empresa', 'entreprise', 'societe', 'azienda', 'firma', 'unternehmen', 'arbeitgeber', 'bedrijf']),
  pii('TITLE', ['job title', 'occupation', 'profession', 'puesto', 'cargo', 'poste', 'beruf', 'professione']),
  pii('NRP', ['nationality', 'nacionalidad', 'nationalite', 'nazionalita', 'staatsangehorigkeit', 'nacionalidade']),
  pii('USERNAME', ['username', 'user name', 'login', 'user', 'handle', 'screen name', 'nickname', 'usuario', 'benutzername', 'utente']),
  pii('PASSWORD', ['password', 'passwd', 'pwd', 'contrasena', 'mot de passe', 'passwort', 'senha']),
  pii('PERSON', ['name', 'full name', 'fullname', 'first name', 'firstname', 'last name', 'lastname', 'surname', 'given name', 'family name',
    'forename', 'middle name', 'maiden name', 'patient name', 'customer name', 'client name', 'contact name', 'contact person',
    'employee name', 'holder', 'account holder', 'cardholder', 'nombre', 'nombre completo', 'apellido', 'apellidos', 'nom', 'nom complet',
    'prenom', 'nom de famille', 'nome', 'cognome', 'nome completo', 'vorname', 'nachname', 'familienname', 'naam', 'voornaam',
    'achternaam', 'imie', 'nazwisko', 'imie i nazwisko',
    // roles whose cells are people
    'physician', 'doctor', 'attending physician', 'referring physician', 'clinician', 'nurse', 'employee', 'manager', 'author',
    'recipient', 'beneficiary', 'guardian', 'spouse', 'next of kin', 'medico', 'medecin', 'arzt', 'arztin', 'medico curante']),
  {
    role: 'free_text',
    phrases: ['notes', 'note', 'comments', 'comment', 'remarks', 'remark', 'description', 'details', 'message', 'feedback', 'summary',
      'observations', 'history', 'reason', 'narrative', 'free text', 'text', 'body', 'content', 'observaciones', 'comentarios',
      'comentario', 'notas', 'nota', 'commentaires', 'commentaire', 'remarques', 'bemerkungen', 'bemerkung', 'kommentar', 'notizen',
      'notiz', 'commenti', 'opmerkingen', 'uwagi', 'observacoes'],
  },
  { role: 'identifier', phrases: ['id', 'uuid', 'guid', 'identifier', 'key', 'pk', 'ref', 'reference', 'nr', 'no', 'num', 'code', 'sku', 'index', 'row'] },
];

/** Generic keys that say nothing about their text: no header context is given for them. */
const GENERIC = new Set(['text', 'body', 'content', 'value', 'line', 'message', 'data']);

interface Compiled {
  words: string[];
  phrase: string;
  entry: Entry;
}

/** Every phrase as stemmed words, in table order (so at a tie the earlier entry is met first and kept). */
const COMPILED: Compiled[] = ENTRIES.flatMap((entry) => entry.phrases.map((phrase) => ({ words: headerWords(phrase).map(stem), phrase, entry })));

/** Plurals fold to singulars on both sides (`phones`, `comentarios`); `address` keeps its `ss`. */
function stem(word: string): string {
  return word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}

/** The types the vocabulary can name (for the test that ties them to the engine's types). */
export function headerTypes(): string[] {
  return [...new Set(ENTRIES.flatMap((e) => (e.type ? [e.type] : [])))];
}

/**
 * What a header says: the longest vocabulary phrase found in it as whole consecutive words (then
 * the earliest entry), with the phrase as evidence; `undefined` when none matches.
 */
export function hintFromHeader(header: string): (HeaderHint & { synonym: string }) | undefined {
  const words = headerWords(header).map(stem);
  if (words.length === 0) return undefined;
  let best: { c: Compiled; at: number } | undefined;
  for (const c of COMPILED) {
    const at = lastRun(words, c.words);
    if (at < 0) continue;
    const better = !best || c.words.length > best.c.words.length || (c.words.length === best.c.words.length && at > best.at);
    if (better) best = { c, at };
  }
  if (!best) return undefined;
  const { entry, phrase } = best.c;
  return { role: entry.role, ...(entry.type ? { type: entry.type } : {}), synonym: phrase };
}

/** Whether a header is a bare generic key (`text`, `content`), which gives detectors no context. */
export function isGenericHeader(header: string): boolean {
  const words = headerWords(header);
  return words.length === 0 || (words.length === 1 && GENERIC.has(words[0]!));
}

/** Where `run` last occurs in `words` as consecutive words, or -1. */
function lastRun(words: readonly string[], run: readonly string[]): number {
  if (run.length === 0 || run.length > words.length) return -1;
  for (let i = words.length - run.length; i >= 0; i--) {
    let ok = true;
    for (let j = 0; j < run.length && ok; j++) ok = words[i + j] === run[j];
    if (ok) return i;
  }
  return -1;
}
