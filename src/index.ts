// The public library API: build the components with createRiptide(loadConfig()), then run tasks
// through `riptide.runs`. Types of every seam are exported for custom components.
export { type ConfigOverrides, loadConfig, type RiptideConfig } from './config/config.js';
export { type ClosableRunService, createRunService, type RunServiceOptions } from './core/create-run-service.js';
export { parseRunOptions } from './core/parse-run-options.js';
export type { RunDependencies } from './core/run-dependencies.js';
export type {
  ChatEvent,
  ChatRequest,
  RunContext,
  RunEvent,
  RunService,
  StaticPlan,
  StaticPlanStep,
  StepEvent,
} from './core/run-service.js';
export {
  BudgetExceededError,
  type ErrorCode,
  ResumeError,
  RiptideError,
  ValidationError,
} from './errors/riptide-error.js';
export type { Guardrail, GuardrailPipeline } from './guardrails/guardrail.js';
export { createGuardrailPipeline, defaultGuardrails } from './guardrails/guardrail-pipeline.js';
export { createModelJudgeGuardrail } from './guardrails/model-judge-guardrail.js';
export type { Memory } from './memory/memory.js';
export type { ModelCallRequest, ModelCallResult, ModelGateway, ModelPurpose } from './models/model-gateway.js';
export { createRiptide, type RiptideOverrides } from './riptide.js';
export type { Riptide } from './riptide-types.js';
export type { Role, RoleCatalog } from './roles/role.js';
export { ERROR_CODES, ERROR_STATUS } from './spec/error-codes.js';
export {
  normalizeRunOptions,
  RUN_OPTION_DEFAULTS,
  type RunOptions,
  type RunOptionsInput,
  runOptionsSchema,
  type Sampling,
} from './spec/run-options.js';
export {
  type GuardViolation,
  isPending,
  type PendingAction,
  type PendingRun,
  pendingRunSchema,
  type ResumeInput,
  type RunOutcome,
  type RunResult,
  runResultSchema,
  type SubtaskResult,
  type SwarmDecision,
  type ToolCallRecord,
  type Verdict,
} from './spec/run-result.js';
export type { Store } from './store/store.js';
export type { ToolContext, ToolDescriptor, ToolRegistry, ToolSpec } from './tools/tool-spec.js';
export type { BudgetGuard } from './usage/budget-guard.js';
