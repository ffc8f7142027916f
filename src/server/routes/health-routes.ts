// GET /healthz: liveness for load balancers and `riptide serve` smoke checks.
import { z } from 'zod';
import type { RoutePlugin } from './route-plugin.js';

export const healthRoutes: RoutePlugin = async (app) => {
  app.get(
    '/healthz',
    {
      schema: {
        tags: ['health'],
        summary: 'Liveness',
        description: 'Answers `{"status":"ok"}` while the server is accepting requests.',
        response: { 200: z.object({ status: z.literal('ok') }) },
      },
    },
    async () => ({ status: 'ok' as const }),
  );
};
