/**
 * Which ONNX file of a model folder a backend reads. Free of platform code, so the page can pick the
 * same file as the worker (and start reading it) without loading the runtime.
 */

/** Which ONNX file to prefer; `auto` picks per backend (int8 for WASM, fp16/fp32 for WebGPU). */
export type ModelVariant = 'auto' | 'int8' | 'fp16' | 'fp32';

const VARIANT_FILES: Record<Exclude<ModelVariant, 'auto'>, readonly string[]> = {
  // GLiNER's own exporter writes model_quantized.onnx; onnx-community adds model_int8/uint8,
  // Knowledgator model_quint8
  int8: ['model_quantized.onnx', 'model_int8.onnx', 'model_uint8.onnx', 'model_quint8.onnx'],
  fp16: ['model_fp16.onnx'],
  fp32: ['model.onnx'],
};

/**
 * ONNX file names to try, best first. Dynamic-int8 graphs fall off the WebGPU EP (gliner.md §5), so
 * WebGPU prefers fp16/fp32 and WASM prefers int8; every name is tried under `onnx/` first.
 */
export function onnxCandidates(backend: 'wasm' | 'webgpu', variant: ModelVariant = 'auto'): string[] {
  const order: Exclude<ModelVariant, 'auto'>[] =
    variant !== 'auto' ? [variant] : backend === 'webgpu' ? ['fp16', 'fp32', 'int8'] : ['int8', 'fp32', 'fp16'];
  return order.flatMap((v) => VARIANT_FILES[v]).flatMap((name) => [`onnx/${name}`, name]);
}

/** Whether a chosen ONNX file is one of the int8 variants. */
export function isInt8File(file: string): boolean {
  return VARIANT_FILES.int8.includes(file.replace(/^onnx\//, ''));
}
