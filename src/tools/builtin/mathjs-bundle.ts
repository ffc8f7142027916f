// mathjs, loaded from the single-file build the package ships (lib/browser/math.js, a UMD bundle that
// Node requires as CommonJS): the same library and version, but one file to parse instead of the
// ~1 000 modules of its ESM build — measured here ~0.1 s of CPU instead of ~2 s, which was most of
// riptide's start-up. Types come from the package's own declarations.
import { createRequire } from 'node:module';
import type * as MathJsModule from 'mathjs';

export const mathjs = createRequire(import.meta.url)('mathjs/lib/browser/math.js') as typeof MathJsModule;
