// riptide/testing: what tests of riptide-based code need — a scriptable model to hand to
// createRiptide(config, { languageModel }) and the conformance suite every Store must pass.
// Kept apart from the main entry so the product ships no test code; the suite needs vitest.
export {
  MockLanguageModel,
  type MockLanguageModelOptions,
  type RecordedCall,
  type ScriptedMessage,
  type ScriptedReply,
  type ScriptedToolCall,
} from './mock-language-model.js';
export { runStoreConformance, type StoreFactory } from './store-conformance.js';
export { sampleResult, sampleRun, sampleUsage, steppingClock } from './store-fixtures.js';
