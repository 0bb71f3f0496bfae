import { BriefError, type SourceLocation } from '../errors.js';
import type { SettingsLayer } from './resolve.js';

/** A setting as found: its key, its value, and where it was written (for messages). */
export interface Found {
  readonly key: string;
  readonly value: unknown;
  readonly where: SourceLocation;
}

export function pick(layers: readonly SettingsLayer[], key: string): Found | undefined {
  for (const layer of layers) {
    if (layer.data[key] !== undefined && layer.data[key] !== null) {
      return { key, value: layer.data[key], where: { file: layer.file, line: layer.keyLines[key] } };
    }
  }
  return undefined;
}

export function asString(found: Found | undefined): string | undefined {
  if (!found) return undefined;
  if (typeof found.value === 'string') return found.value.trim() || undefined;
  if (typeof found.value === 'number') return String(found.value);
  if (found.value instanceof Date) return found.value.toISOString().slice(0, 10);
  throw invalid(found, 'must be a single line of text');
}

export function asChoice<T extends string>(found: Found | undefined, fromCli: string | undefined, choices: readonly T[]): T | undefined {
  const isChoice = (value: string): value is T => (choices as readonly string[]).includes(value);
  if (fromCli !== undefined) {
    if (isChoice(fromCli)) return fromCli;
    throw new BriefError('BAD_OPTION', `"${fromCli}" is not one of ${choices.join(', ')}`);
  }
  const value = asString(found)?.toLowerCase();
  if (value === undefined || !found) return undefined;
  if (isChoice(value)) return value;
  throw invalid(found, `must be one of ${choices.join(', ')}`);
}

/** A number within limits, from the command line (text) or a setting (a number or text). */
export function asNumberIn(
  found: Found | undefined,
  fromCli: string | number | undefined,
  limits: { readonly min: number; readonly max: number },
): number | undefined {
  const within = (value: number) => Number.isFinite(value) && value >= limits.min && value <= limits.max;
  const range = `a number from ${limits.min} to ${limits.max}`;
  if (fromCli !== undefined) {
    if (within(Number(fromCli))) return Number(fromCli);
    throw new BriefError('BAD_OPTION', `"${fromCli}" is not ${range}`);
  }
  if (!found) return undefined;
  const value = typeof found.value === 'number' ? found.value : typeof found.value === 'string' ? Number(found.value.trim() || NaN) : NaN;
  if (within(value)) return value;
  throw invalid(found, `must be ${range}`);
}

export function asList(found: Found | undefined): string[] {
  if (!found) return [];
  if (Array.isArray(found.value) && found.value.every((k) => typeof k === 'string')) return found.value as string[];
  throw invalid(found, 'must be a list ("- item" lines under it)');
}

export function asKeywords(found: Found | undefined): string[] {
  if (!found) return [];
  if (typeof found.value === 'string')
    return found.value
      .split(',')
      .map((k) => k.trim())
      .filter(Boolean);
  if (Array.isArray(found.value) && found.value.every((k) => typeof k === 'string')) return found.value as string[];
  throw invalid(found, 'must be a list of words, or one line of words separated by commas');
}

export function asPattern(found: Found | undefined): string | undefined {
  if (!found) return undefined;
  // Not trimmed: "\r?\n---\r?\n" from a JSON file holds real line breaks that are the pattern.
  if (typeof found.value !== 'string' || found.value === '') throw invalid(found, 'must be a regular expression written as text');
  const pattern = found.value;
  try {
    new RegExp(pattern, 'mg');
  } catch (error) {
    throw invalid(found, `is not a valid regular expression (${(error as Error).message})`);
  }
  return pattern;
}

export function invalid(found: Found, problem: string): BriefError {
  return new BriefError('FRONT_MATTER', `"${found.key}" ${problem}`, { where: found.where });
}
