// A Node script as the README's "Use it" writes it, run in a project that installed the tarball:
// the bundled model, in-process. Reads {text, csv} as JSON on stdin; prints what the test checks.
import { LocalDataframer, toFile } from 'pii-local';

const client = new LocalDataframer();

async function redact(content, name) {
  // a table is one sample per row (SINGLE_FILE); a text file is one sample (MULTI_FILE)
  const file = toFile(content, name);
  const ds = await client.dataframer.datasets.createWithFiles(
    name.endsWith('.csv') ? { dataset_type: 'SINGLE_FILE', name, file } : { dataset_type: 'MULTI_FILE', name, files: [file] },
  );
  const job = await client.dataframer.transformJobs.createAndPoll({
    dataset_id: ds.id, name: 'scrub', pii_types: ['PERSON', 'EMAIL', 'PHONE_NUMBER'], detection_method: 'gliner+heuristics',
  });
  return { status: job.status, masked: job.metrics_json.transformed_samples.map((s) => s.masked_content) };
}

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const { text, csv } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
const out = {
  resolved: import.meta.resolve('pii-local'),
  text: await redact(text, 'note.txt'),
  csv: await redact(csv, 'contacts.csv'),
};
process.stdout.write(JSON.stringify(out));
