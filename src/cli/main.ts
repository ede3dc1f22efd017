import { Command, CommanderError, Option } from 'commander';
import { reasonOf } from '../engine/errors.js';
import { detectCommand } from './detect-command.js';
import { UsageError } from './options.js';
import { redactCommand } from './redact-command.js';

const methodOption = () =>
  new Option('--method <method>', 'detection method').choices(['heuristics', 'gliner', 'gliner+heuristics', 'aimon_pii_m1', 'aimon_pii_m1+heuristics']);

/**
 * The `pii-local` command (contract: DESIGN.md §5). Exit codes: 0 success, 1 some samples failed
 * (each has an `error` in the output), 2 bad command line or unreadable input. Messages are one
 * line and never contain scanned text.
 */
export async function main(argv: readonly string[] = process.argv): Promise<number> {
  const program = new Command('pii-local')
    .description('Find and mask personal data locally (GLiNER + validated patterns); nothing leaves the machine.')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  let exitCode = 0;

  program
    .command('detect')
    .description('JSONL {"id","text"} lines in → JSONL {"id","entities":[{start,end,label,score}]} lines out')
    .requiredOption('--input <file>', 'input JSONL')
    .requiredOption('--output <file>', 'output JSONL')
    .addOption(methodOption())
    .option('--types <list>', 'comma-separated types (default: all the method supports; with the bundled model, its reliable free-text types)')
    .option('--threshold <t>', 'confidence threshold 0..1', '0.3')
    .option('--model <dir|url>', 'GLiNER model folder or base URL (default: the bundled model)')
    .option('--locale <list>', 'locales switching on country recognizers, e.g. en-GB,es')
    .action(async (opts) => {
      const { lines, failed, failedLines } = await detectCommand(opts);
      if (failed > 0) {
        process.stderr.write(`pii-local: ${failed} of ${lines} lines failed (see their "error" field)${atLines(failedLines)}\n`);
        exitCode = 1;
      }
    });

  program
    .command('redact')
    .description('mask PII in a TXT/MD/CSV/JSONL/JSON file; the output keeps the input format')
    .requiredOption('--input <file>', 'input file (.txt .md .csv .jsonl .json)')
    .requiredOption('--output <file>', 'output file')
    .addOption(methodOption())
    .option('--types <list>', 'comma-separated types (default: all the method supports; with the bundled model, its reliable free-text types)')
    .option('--mask <list>', 'TYPE=STRATEGY pairs: REDACT (default) REPLACE MASK HASH ENCRYPT PSEUDONYMIZE KEEP, or literal:TEXT')
    .option('--threshold <t>', 'confidence threshold 0..1', '0.3')
    .option('--model <dir|url>', 'GLiNER model folder or base URL (default: the bundled model)')
    .option('--locale <list>', 'locales switching on country recognizers, e.g. en-GB,es')
    .option('--hash-key <base64>', 'HMAC key for HASH (default: a random key that is not kept)')
    .option('--encryption-key <base64>', 'AES-256 key for ENCRYPT (32 bytes, base64)')
    .option('--pseudonym-map <file>', 'write the PSEUDONYMIZE map (token → original) here, mode 600')
    .option('--seed <n>', 'seed for REPLACE surrogates')
    .option('--explain', 'print the column plan (column → role/type, with the evidence) on stdout')
    .option('--columns <list>', 'column overrides: COLUMN=keep|scan|TYPE pairs (e.g. "Customer ID=keep,Full Name=PERSON") or a JSON object')
    .option('--workers <n>', 'threads redacting a big file\'s chunks, each with its own engine (default 1; PSEUDONYMIZE always runs on one)')
    .option('--encoding <name>', 'encoding of an input with no BOM that is not UTF-8: utf-8, utf-16le, utf-16be, windows-1252/latin1 (default: windows-1252, with a warning); the output is written in the input\'s encoding')
    .action(async (opts) => {
      const { records, failed, failedLines } = await redactCommand(opts);
      if (failed > 0) {
        process.stderr.write(`pii-local: ${failed} of ${records} records failed (written as [REDACTION_FAILED]; a JSONL line that is not JSON as {"error"})${atLines(failedLines)}\n`);
        exitCode = 1;
      }
    });

  try {
    await program.parseAsync(argv as string[]);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    const message =
      error instanceof UsageError
        ? error.message
        : (error as NodeJS.ErrnoException)?.code === 'ENOENT'
          ? `file not found: ${(error as NodeJS.ErrnoException).path ?? ''}`
          : reasonOf(error);
    process.stderr.write(`pii-local: ${message}\n`);
    return 2;
  }
}

/** `: lines 2, 7` for the summary line; the first 10, then how many more. */
function atLines(lines: readonly number[]): string {
  if (lines.length === 0) return '';
  const more = lines.length > 10 ? ` and ${lines.length - 10} more` : '';
  return `; line${lines.length > 1 ? 's' : ''} ${lines.slice(0, 10).join(', ')}${more}`;
}
