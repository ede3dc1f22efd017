import { MaskConfigError } from './errors.js';

/** Refuses parameters the operator does not know, naming the first one. */
export function checkParamNames(strategy: string, params: Record<string, unknown>, allowed: readonly string[]): void {
  if (typeof params !== 'object' || params === null || Array.isArray(params)) {
    throw new MaskConfigError(`${strategy} params must be an object`, 'params');
  }
  for (const name of Object.keys(params)) {
    if (!allowed.includes(name)) {
      const known = allowed.length > 0 ? `; known: ${allowed.join(', ')}` : '; it takes none';
      throw new MaskConfigError(`${strategy} has no parameter ${JSON.stringify(name)}${known}`, `params.${name}`);
    }
  }
}

export function checkInteger(strategy: string, params: Record<string, unknown>, name: string, min: number, max: number): void {
  const v = params[name];
  if (v === undefined) return;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    throw new MaskConfigError(`${strategy} parameter ${name} must be an integer from ${min} to ${max}`, `params.${name}`);
  }
}

export function checkBoolean(strategy: string, params: Record<string, unknown>, name: string): void {
  const v = params[name];
  if (v !== undefined && typeof v !== 'boolean') {
    throw new MaskConfigError(`${strategy} parameter ${name} must be true or false`, `params.${name}`);
  }
}

export function checkString(strategy: string, params: Record<string, unknown>, name: string): void {
  const v = params[name];
  if (v !== undefined && typeof v !== 'string') {
    throw new MaskConfigError(`${strategy} parameter ${name} must be a string`, `params.${name}`);
  }
}
