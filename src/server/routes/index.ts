// The server's route list. Every route group is one Fastify plugin file in this folder; buildServer
// registers each entry of ROUTE_PLUGINS with the ServerContext (riptide components, SSE helper,
// version) as its options.
//
// To add a route group: write `src/server/routes/<group>-routes.ts` exporting
//   export const <group>Routes: RoutePlugin = async (app, { riptide, sse }) => { app.post('/api/…', { schema }, handler) };
// (RoutePlugin from ./route-plugin.js) with zod schemas for params/querystring/body/response
// (`errorResponses(...)` from ../error-schemas.js documents error statuses; throw RiptideError
// subclasses and the one error handler maps codes to statuses; SSE routes use `sse.pipe(...)`), then
// add one import and one array entry below.
import { backgroundRunRoutes } from './background-run-routes.js';
import { catalogRoutes } from './catalog-routes.js';
import { chatStreamRoutes } from './chat-stream-routes.js';
import { connectionRoutes } from './connection-routes.js';
import { evalRoutes } from './eval-routes.js';
import { healthRoutes } from './health-routes.js';
import { insightRoutes } from './insight-routes.js';
import { interactiveRoutes } from './interactive-routes.js';
import { keyRoutes } from './key-routes.js';
import { mcpRoutes } from './mcp-routes.js';
import { metaRoutes } from './meta-routes.js';
import { metricsRoutes } from './metrics-routes.js';
import { openAiResponsesRoutes } from './openai-responses-routes.js';
import { openAiRoutes } from './openai-routes.js';
import type { RoutePlugin } from './route-plugin.js';
import { runEventsRoutes } from './run-events-routes.js';
import { runRoutes } from './run-routes.js';
import { runsRoutes } from './runs-routes.js';
import { sessionRoutes } from './session-routes.js';
import { toolInvokeRoutes } from './tool-invoke-routes.js';
import { workflowRoutes } from './workflow-routes.js';

export const ROUTE_PLUGINS: RoutePlugin[] = [
  healthRoutes,
  runRoutes,
  interactiveRoutes,
  runsRoutes,
  backgroundRunRoutes,
  runEventsRoutes,
  chatStreamRoutes,
  sessionRoutes,
  metaRoutes,
  catalogRoutes,
  toolInvokeRoutes,
  insightRoutes,
  connectionRoutes,
  openAiRoutes,
  openAiResponsesRoutes,
  workflowRoutes,
  evalRoutes,
  mcpRoutes,
  keyRoutes,
  metricsRoutes,
];
