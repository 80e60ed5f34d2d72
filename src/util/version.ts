/**
 * specwright's version, read once from package.json: two directories up
 * from src/util, dist/util and the bundled entry points (dist/<folder>/).
 */
import { readFileSync } from 'node:fs';

function readVersion(): string {
  try {
    const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
    const version = (JSON.parse(text) as { version?: unknown }).version;
    return typeof version === 'string' ? version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}

export const SPECWRIGHT_VERSION = readVersion();
export const SPECWRIGHT_NAME = 'specwright';
