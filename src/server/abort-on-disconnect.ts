// An AbortController that fires when the client goes away before its response finished, so the run
// serving that request stops its model calls (a run paused for approval stays resumable).
import type { FastifyReply } from 'fastify';
import { RiptideError } from '../errors/riptide-error.js';

export function abortOnDisconnect(reply: FastifyReply): AbortController {
  const controller = new AbortController();
  reply.raw.on('close', () => {
    if (!reply.raw.writableFinished) controller.abort(new RiptideError('aborted', 'client disconnected'));
  });
  return controller;
}
