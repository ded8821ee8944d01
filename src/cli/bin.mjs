#!/usr/bin/env node
// The paybench command: the bundled JavaScript (built at install, rebuilt when a source is newer).
import { pathToFileURL } from 'node:url';
import { ensureBundle } from './bundle.mjs';

await import(pathToFileURL(await ensureBundle()).href);
