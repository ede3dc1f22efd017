/**
 * Which execution provider a load uses. Free of onnxruntime, so the page can make the same choice
 * as the worker (to read the right ONNX file for it) without loading the runtime.
 */
export type Backend = 'wasm' | 'webgpu';

interface GpuNavigator {
  gpu?: { requestAdapter(): Promise<unknown> };
}

/**
 * `auto` → WebGPU when a hardware adapter is granted, else WASM. A fallback (software) adapter such
 * as SwiftShader is ~20x slower than WASM, so `auto` skips it; `webgpu` still uses it when asked.
 * Explicit choices pass through.
 */
export async function resolveBackend(preference: 'auto' | Backend = 'auto'): Promise<Backend> {
  if (preference !== 'auto') return preference;
  const nav = (globalThis as { navigator?: GpuNavigator }).navigator;
  if (nav?.gpu === undefined) return 'wasm';
  try {
    const adapter = (await nav.gpu.requestAdapter()) as { isFallbackAdapter?: boolean; info?: { isFallbackAdapter?: boolean } } | null;
    if (!adapter || adapter.isFallbackAdapter === true || adapter.info?.isFallbackAdapter === true) return 'wasm';
    return 'webgpu';
  } catch {
    return 'wasm';
  }
}
