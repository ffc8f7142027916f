// Response schemas for errors, shared by every route so the OpenAPI document lists each status a
// route can answer with and the body it carries.
import { z } from 'zod';

export const errorBodySchema = z
  .object({
    detail: z
      .union([z.string(), z.array(z.string())])
      .describe('What was wrong, for a person; validation errors list one entry per field path.'),
    code: z.string().describe('A stable machine code, e.g. validation_error, budget_exceeded, unknown_tool.'),
  })
  .describe('An error: never a stack trace, never a secret.');
export type ErrorBody = z.infer<typeof errorBodySchema>;

export const openAiErrorBodySchema = z
  .object({
    error: z.object({
      message: z.string(),
      type: z.string(),
      param: z.string().nullable(),
      code: z.string().nullable(),
    }),
  })
  .describe("OpenAI's error shape, so OpenAI SDKs raise their usual exception classes.");
export type OpenAiErrorBody = z.infer<typeof openAiErrorBodySchema>;

const STATUS_MEANING: Record<number, string> = {
  400: 'Bad tool arguments, a side-effecting tool on the read-only path, or a resume error',
  402: "The tenant's budget is exhausted",
  403: 'Forbidden by configuration',
  404: 'Unknown resource',
  422: 'Invalid request body, query or path parameter',
};

/** `{status: errorBodySchema}` entries for a route's `response` schema. */
export function errorResponses(...statuses: number[]): Record<number, z.ZodType> {
  return Object.fromEntries(
    statuses.map((status) => [status, errorBodySchema.describe(STATUS_MEANING[status] ?? 'Error')]),
  );
}

/** The same for the OpenAI-compatible routes. */
export function openAiErrorResponses(...statuses: number[]): Record<number, z.ZodType> {
  return Object.fromEntries(
    statuses.map((status) => [status, openAiErrorBodySchema.describe(STATUS_MEANING[status] ?? 'Error')]),
  );
}
