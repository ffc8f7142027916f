// The layers of riptide, lowest first; a module may import its own layer's folders (without cycles)
// and any layer below, never one above. `npm test` runs this check (`npm run depcheck`).
//   spec ← errors, config ← prompts ← store, models, tools, guardrails ← memory, usage, roles, auth
//        ← core ← workflows, eval, mcp, queue, telemetry ← the composition root (src/*.ts, testing) ← server ← cli
// Tests (*.test.ts) and test-support folders may reach across layers; product code may never
// import them.
const LAYERS = [
  ['spec'],
  ['errors', 'config'],
  ['prompts'],
  ['store', 'models', 'tools', 'guardrails'],
  ['memory', 'usage', 'roles', 'auth'],
  ['core'],
  ['workflows', 'eval', 'mcp', 'queue', 'telemetry'],
  ['(root)', 'testing'],
  ['server'],
  ['cli'],
];

const folderPattern = (folder) => (folder === '(root)' ? '^src/[^/]+\\.ts$' : `^src/${folder}/`);
const TESTS = ['\\.test\\.ts$', '/test-support/'];

const layerRules = LAYERS.slice(0, -1).map((layer, index) => {
  const above = LAYERS.slice(index + 1).flat();
  return {
    name: `layer-${layer.join('-').replace(/[()]/g, '')}`,
    comment: `${layer.join(', ')} must not import ${above.join(', ')} (layers point one way)`,
    severity: 'error',
    from: { path: layer.map(folderPattern), pathNot: TESTS },
    to: { path: above.map(folderPattern) },
  };
});

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No import cycles, type-only ones included',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'no-test-code-in-product',
      comment: 'Product code must not import tests or test support',
      severity: 'error',
      from: { path: '^src/', pathNot: TESTS },
      to: { path: TESTS },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
    ...layerRules,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^src/.*\\.mjs$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
