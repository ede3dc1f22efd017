import type { Engine } from '../../engine/engine.js';
import type { LlmProvider } from '../../llm/provider.js';
import type { Storage } from '../storage/storage.js';
import type { Capabilities } from '../validate.js';
import type { Datasets } from './datasets.js';

/** What the job resources need from the client. */
export interface JobServices {
  storage: Storage;
  datasets: Datasets;
  engine(): Promise<Engine>;
  capabilities(): Capabilities;
  llm(): LlmProvider | undefined;
  /** The GLiNER model's name as known before it loads (see `model-name.ts`). */
  modelName(): string | undefined;
}
