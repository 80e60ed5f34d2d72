#!/usr/bin/env node
/**
 * First build step: removes dist/, so files of deleted or renamed sources
 * (which tsc never removes) do not linger in the build or the package.
 */
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

rmSync(join(dirname(fileURLToPath(import.meta.url)), '..', 'dist'), { recursive: true, force: true });
