/**
 * Provider-issued API keys, access keys and bearer tokens (Presidio's `API_KEY`). Every pattern is
 * anchored on a case-sensitive vendor prefix, a documented credential name or a structural marker:
 *
 * - AWS access key id: `AKIA`/`ASIA`/`ABIA`/`ACCA` + 16 upper-case alphanumerics → 0.9;
 * - AWS secret access key: 40 base64 characters right after `aws_secret_access_key =` (or `:`,
 *   quoted or not; the name is not part of the span) → 0.8;
 * - GitHub tokens (`ghp_`/`gho_`/`ghu_`/`ghr_` + 36, `ghs_` + 36 or more, `github_pat_` + 82),
 *   Google API keys (`AIza` + 35), Stripe secret/restricted keys (`sk_live_`, `rk_test_`, …) → 0.9;
 * - Slack tokens (`xoxb-`, `xoxp-`, `xoxe-`, `xoxe.xoxb-`, `xapp-`, `xwfp-`) → 0.85;
 * - compact signed JSON Web Tokens (`eyJ….eyJ….…`) → 0.6.
 *
 * No checksum is verified. Off unless named (as in Presidio, whose default registry does not load it):
 * keys are secrets, not personal data, and code or logs full of them are a different use case.
 * Every run of key characters has one possible start (a lookbehind refuses a start inside a run),
 * so the open-ended patterns stay linear.
 */
import type { Recognizer } from './recognizer.js';

/** Not glued to a preceding key character. */
const START = '(?<![A-Za-z0-9_\\-])';
/** Not followed by a key character. */
const END = '(?![A-Za-z0-9_])';

const re = (body: string): RegExp => new RegExp(`${START}${body}`, 'g');

export const apiKeyRecognizer: Recognizer = {
  id: 'api-key',
  type: 'API_KEY',
  pack: 'global',
  defaultOn: false,
  patterns: [
    { name: 'AWS access key id', regex: re(`(?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}${END}`), score: 0.9 },
    {
      name: 'AWS secret access key',
      regex: /(?<=(?:aws_secret_access_key|AWS_SECRET_ACCESS_KEY)["']?[ \t]{0,8}[:=][ \t]{0,8}["']?)[A-Za-z0-9\/+=]{40}(?![A-Za-z0-9\/+=])/g,
      score: 0.8,
    },
    { name: 'GitHub token', regex: re(`gh[pour]_[A-Za-z0-9]{36}${END}`), score: 0.9 },
    { name: 'GitHub App installation token', regex: new RegExp(`(?<![A-Za-z0-9._\\-])ghs_[A-Za-z0-9._\\-]{35,}[A-Za-z0-9_](?![A-Za-z0-9_]|[.\\-][A-Za-z0-9_])`, 'g'), score: 0.9 },
    { name: 'GitHub fine-grained token', regex: re(`github_pat_[A-Za-z0-9_]{82}${END}`), score: 0.9 },
    { name: 'Google API key', regex: re(`AIza[0-9A-Za-z_\\-]{35}(?![A-Za-z0-9_\\-])`), score: 0.9 },
    { name: 'Slack token', regex: re(`(?:xox[bpe]|xoxe\\.xox[bp]|xapp|xwfp)-[0-9A-Za-z\\-]{9,}[0-9A-Za-z](?![0-9A-Za-z]|-[0-9A-Za-z])`), score: 0.85 },
    { name: 'Stripe secret or restricted key', regex: re(`[sr]k_(?:live|test)_[0-9A-Za-z]{24,}${END}`), score: 0.9 },
    { name: 'JSON Web Token', regex: re(`eyJ[A-Za-z0-9_\\-]{8,}\\.eyJ[A-Za-z0-9_\\-]{8,}\\.[A-Za-z0-9_\\-]{8,}(?![A-Za-z0-9_\\-]|\\.[A-Za-z0-9_\\-])`), score: 0.6 },
  ],
  context: ['api', 'key', 'token', 'secret', 'credential', 'credentials', 'authorization', 'bearer', 'api key', 'access key'],
};
