/**
 * Top-level domains we accept, standing in for Presidio's `tldextract` lookup. Two-letter country
 * codes are accepted as a class (ISO 3166 alpha-2 shaped); generic TLDs come from this list of the
 * ones seen in practice. Reserved names (RFC 2606/6761) are included: `user@example.org` is an
 * address whatever the domain.
 */

const GENERIC = `com org net edu gov mil int info biz name pro mobi aero coop museum jobs travel tel asia cat post
app dev io ai co me tv cc ly gg xyz online site tech store shop blog cloud email live life world today news media
agency studio digital design network solutions services company business group global center systems support
softwareology academy institute university school college health care clinic hospital dental law legal
finance financial bank capital fund money credit insurance tax consulting partners ventures holdings international
club social family community church foundation charity ngo org ong
art music film photo photography gallery events party games game bet casino fun cool guru ninja rocks zone
page web website host space hosting domains link click top vip win icu one club run red blue pink green black
london paris berlin nyc tokyo amsterdam barcelona madrid rio sydney melbourne wien koeln hamburg bayern scot wales
vlaanderen brussels gent quebec nrw ruhr saarland tirol swiss istanbul moscow kyoto nagoya osaka yokohama boston miami vegas
webcam camera photos pics video tube stream radio tv audio chat forum wiki review reviews reference guide tips
build cafe restaurant bar pub pizza coffee kitchen recipes wine beer fashion clothing shoes jewelry watch
house homes land realty estate properties rent rentals apartments immo haus garden farm energy solar eco
work works jobs careers career engineer engineering science expert help how tools software codes computer
marketing market markets sale sales deals discount cheap gift gifts style yoga fitness surf golf tennis football
team city town country place earth land ltd llc inc gmbh srl sarl limited plus mba phd degree education training
google apple microsoft amazon yahoo gmail
example test invalid localhost local internal lan home corp intranet`;

/** Generic TLDs (lower case). */
export const GENERIC_TLDS: ReadonlySet<string> = new Set(GENERIC.split(/\s+/).filter(Boolean));

/**
 * TLDs safe to accept on a bare domain with no scheme and no `www.`: common ones that are not also
 * file extensions or code identifiers (`.py`, `.sh`, `.pl`, `.rs`, `.md`, `.so` and `os.system`
 * are what made Presidio flag source code as URLs, #1498).
 */
export const BARE_DOMAIN_TLDS: ReadonlySet<string> = new Set(
  `com org net edu gov mil int info biz io co ai app dev xyz online site tech store shop blog cloud email
  uk us ca au nz ie de fr es it nl be at ch se no dk fi pt pl cz gr ru ua jp cn kr tw hk sg in br mx ar cl za eu
  il tr ro hu sk hr bg ee lv lt lu th vn ph pk ng ke eg ae sa qa pe uy ec`.split(/\s+/).filter(Boolean),
);

/** True when `tld` (any case) is a TLD we accept in an e-mail address or a URL with a scheme. */
export function isKnownTld(tld: string): boolean {
  const t = tld.toLowerCase();
  if (/^[a-z]{2}$/.test(t)) return true;
  if (t.startsWith('xn--') && t.length > 4) return true; // internationalised (punycode)
  return GENERIC_TLDS.has(t);
}
