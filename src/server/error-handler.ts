// The server's one error handler and not-found handler: typed errors map to statuses through
// ERROR_STATUS, request validation names each field path, anything unexpected is a logged, generic
// 500. Under /v1 the same errors use OpenAI's error shape.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { RiptideError, ValidationError } from '../errors/riptide-error.js';
import { ERROR_STATUS, openAiErrorType } from '../spec/error-codes.js';

/** A resolved error: status, human detail, machine code and (for OpenAI) the offending field. */
export interface ResolvedError {
  status: number;
  detail: string | string[];
  code: string;
  param: string | null;
}

const LOCATION_NAME: Record<string, string> = {
  querystring: 'query',
  params: 'params',
  body: 'body',
  headers: 'headers',
};

interface FastifyValidationError {
  validation: { instancePath?: string; message?: string }[];
  validationContext?: string;
}

function isValidationError(error: unknown): error is FastifyValidationError {
  return typeof error === 'object' && error !== null && Array.isArray((error as FastifyValidationError).validation);
}

/** "body.vote_k: Too big: expected number to be <=15" for each problem. */
function validationProblems(error: FastifyValidationError): { problems: string[]; firstPath: string | null } {
  const location = LOCATION_NAME[error.validationContext ?? 'body'] ?? error.validationContext ?? 'body';
  let firstPath: string | null = null;
  const problems = error.validation.map((issue) => {
    const segments = (issue.instancePath ?? '').split('/').filter(Boolean);
    const field = segments.join('.');
    firstPath ??= field || null;
    return `${[location, ...segments].join('.')}: ${issue.message ?? 'is invalid'}`;
  });
  return { problems, firstPath };
}

/** Maps any thrown value to what the client may see. Never includes a stack trace. */
export function resolveError(error: unknown): ResolvedError {
  if (error instanceof ValidationError) {
    // The OpenAI surface's bad requests name the parameter at fault (OpenAiParamError).
    const named = (error as ValidationError & { param?: unknown }).param;
    const param = typeof named === 'string' ? named : null;
    return { status: ERROR_STATUS[error.code] ?? 422, detail: error.problems, code: error.code, param };
  }
  if (RiptideError.is(error)) {
    const status = ERROR_STATUS[error.code] ?? 500;
    // 5xx codes other than upstream (model) failures are bugs or config problems: keep them generic.
    const generic = status >= 500 && status !== 502 && status !== 503 && status !== 504;
    return {
      status,
      detail: generic ? 'Internal Server Error' : error.message,
      code: generic ? 'internal_error' : error.code,
      param: null,
    };
  }
  if (isValidationError(error)) {
    const { problems, firstPath } = validationProblems(error);
    return { status: 422, detail: problems, code: 'validation_error', param: firstPath };
  }
  const fastifyError = error as Partial<FastifyError>;
  const status = typeof fastifyError.statusCode === 'number' ? fastifyError.statusCode : 500;
  if (fastifyError.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || fastifyError.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
    return { status: 422, detail: [`body: ${fastifyError.message}`], code: 'validation_error', param: null };
  }
  if (status >= 400 && status < 500) {
    // Fastify's own client errors (unsupported media type, body too large…) carry safe messages.
    return { status, detail: fastifyError.message ?? 'Bad Request', code: 'bad_request', param: null };
  }
  return { status: 500, detail: 'Internal Server Error', code: 'internal_error', param: null };
}

/** Whether a request is on the OpenAI-compatible surface, whose clients expect OpenAI's error shape. */
export function isOpenAiRoute(url: string): boolean {
  return url === '/v1' || url.startsWith('/v1/') || url.startsWith('/v1?');
}

export function sendError(request: FastifyRequest, reply: FastifyReply, resolved: ResolvedError): FastifyReply {
  if (isOpenAiRoute(request.url)) {
    // OpenAI SDKs raise BadRequestError for 400: request validation there is 400, not 422.
    const status = resolved.code === 'validation_error' ? 400 : resolved.status;
    const message = Array.isArray(resolved.detail) ? resolved.detail.join('; ') : resolved.detail;
    return reply.code(status).send({
      error: { message, type: openAiErrorType(status), param: resolved.param, code: resolved.code },
    });
  }
  return reply.code(resolved.status).send({ detail: resolved.detail, code: resolved.code });
}

export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const resolved = resolveError(error);
    if (resolved.status >= 500) {
      // Server-side only: the full error with its stack, for whoever runs the server.
      request.log.error({ err: error }, 'request failed');
    }
    return sendError(request, reply, resolved);
  });
}

/** The JSON 404 for unknown routes (the Studio's SPA fallback wraps this for browser navigations). */
export function sendNotFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return sendError(request, reply, { status: 404, detail: 'Not Found', code: 'not_found', param: null });
}
