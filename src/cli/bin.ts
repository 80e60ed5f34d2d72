#!/usr/bin/env node
/**
 * The installed `specwright` program. The build bundles it, with everything
 * it imports from src/, into one CommonJS file (dist/cli/specwright.cjs):
 * Node loads a CommonJS file faster than an ES module (measured: ~30 ms
 * less per run), which is most of a one-file run's start.
 */
import { runCommandLine } from './main.js';

runCommandLine();
