#!/usr/bin/env node
// Empties dist/ before the server build, so files whose sources were moved or deleted do not linger
// in the package.
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

rmSync(fileURLToPath(new URL('../dist', import.meta.url)), { recursive: true, force: true });
