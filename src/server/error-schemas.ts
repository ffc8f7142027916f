// Response schemas for errors, shared by every route so the OpenAPI document lists each status a
// route can answer with, what it means (from the error-code table) and the body it carries.
import type { z } from 'zod';
import { errorBodySchema, openAiErrorBodySchema, statusMeaning } from '../spec/error-codes.js';

/** `{status: errorBodySchema}` entries for a route's `response` schema. */
export function errorResponses(...statuses: number[]): Record<number, z.ZodType> {
  return Object.fromEntries(statuses.map((status) => [status, errorBodySchema.describe(statusMeaning(status))]));
}

/** The same for the OpenAI-compatible routes. */
export function openAiErrorResponses(...statuses: number[]): Record<number, z.ZodType> {
  return Object.fromEntries(statuses.map((status) => [status, openAiErrorBodySchema.describe(statusMeaning(status))]));
}
