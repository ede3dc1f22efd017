/**
 * LLM detection and post-job judging through a pluggable chat provider. Nothing here opens a
 * connection unless the caller configures an endpoint, which may be local (llama.cpp, Ollama, vLLM).
 */
export {
  toProvider,
  type LlmProvider,
  type LlmProviderConfig,
  type LlmCompleteFunction,
  type LlmCompletionRequest,
  type LlmCompletion,
  type LlmMessage,
} from './provider.js';
export {
  createOpenAICompatibleProvider,
  DEFAULT_TIMEOUT_MS,
  DEFAULT_MAX_RETRIES,
  DEFAULT_RETRY_DELAY_MS,
  type OpenAICompatibleConfig,
} from './openai-compatible.js';
export { createFunctionProvider } from './function-provider.js';
export { LlmError, isLlmError, type LlmErrorReason } from './errors.js';
export { detectWithLlm, DEFAULT_CHUNK_CHARS, type DetectWithLlmOptions } from './detect.js';
export { judgeRedaction, type JudgeRedactionOptions, type RedactionJudgement } from './judge.js';
export { parseSpans, anchorEntities, anchorEntity, entitiesOf, isEntityAnswer, LLM_SPAN_SCORE, type LlmEntity } from './parse-spans.js';
export { extractJson } from './extract-json.js';
export { chunkText, type TextChunk } from './chunk.js';
export { detectionMessages, judgeMessages } from './prompts.js';
