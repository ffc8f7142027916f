// The Studio's views, grouped as the navigation shows them; the path is the client route.
import type { ComponentType } from 'react';
import { ChatView } from '../views/chat-view';
import { ConnectionsView } from '../views/connections-view';
import { CostsView } from '../views/costs-view';
import { EvalView } from '../views/eval-view';
import { HistoryView } from '../views/history-view';
import { McpView } from '../views/mcp-view';
import { MonitoringView } from '../views/monitoring-view';
import { PlaygroundView } from '../views/playground-view';
import { RolesView } from '../views/roles-view';
import { RUN_PAGE_PREFIX, RunView } from '../views/run-view';
import { ToolRunnerView } from '../views/tool-runner-view';
import { ToolsView } from '../views/tools-view';
import { WorkflowsView } from '../views/workflows-view';

export interface RouteEntry {
  path: string;
  title: string;
  component: ComponentType;
  /** Needs an admin key (the server refuses tenant keys there); hidden from tenant keys. */
  adminOnly?: boolean;
}

export interface RouteGroup {
  name: string;
  routes: RouteEntry[];
}

export const ROUTE_GROUPS: readonly RouteGroup[] = [
  {
    name: 'Workspace',
    routes: [
      { path: '/chat', title: 'Chat', component: ChatView },
      { path: '/playground', title: 'Playground', component: PlaygroundView },
      { path: '/workflows', title: 'Workflows', component: WorkflowsView },
      { path: '/history', title: 'History', component: HistoryView },
    ],
  },
  {
    name: 'Library',
    routes: [
      { path: '/tools', title: 'Tools', component: ToolsView },
      { path: '/roles', title: 'Roles', component: RolesView },
      { path: '/tool-runner', title: 'Tool Runner', component: ToolRunnerView },
    ],
  },
  {
    name: 'Insights',
    routes: [
      { path: '/monitoring', title: 'Monitoring', component: MonitoringView },
      { path: '/eval', title: 'Eval', component: EvalView },
      { path: '/costs', title: 'Costs', component: CostsView },
    ],
  },
  {
    name: 'System',
    routes: [
      { path: '/connections', title: 'Connections', component: ConnectionsView, adminOnly: true },
      { path: '/mcp', title: 'MCP Servers', component: McpView, adminOnly: true },
    ],
  },
];

export const DEFAULT_PATH = '/chat';

/** The run page, /runs/<thread id>: reached by links from Chat, History, Playground and Workflows, not from the nav. */
export const RUN_ROUTE: RouteEntry = { path: '/runs', title: 'Run', component: RunView };

/** The groups and routes a caller may use: admin-only views only for admins. */
export function visibleRouteGroups(admin: boolean): RouteGroup[] {
  return ROUTE_GROUPS.map((group) => ({
    ...group,
    routes: group.routes.filter((route) => admin || !route.adminOnly),
  })).filter((group) => group.routes.length > 0);
}

export function findRoute(path: string, groups: readonly RouteGroup[] = ROUTE_GROUPS): RouteEntry | undefined {
  const normalized = path.length > 1 ? path.replace(/\/+$/, '') : path;
  if (normalized.startsWith(RUN_PAGE_PREFIX) && normalized.length > RUN_PAGE_PREFIX.length) return RUN_ROUTE;
  for (const group of groups) {
    const match = group.routes.find((route) => route.path === normalized);
    if (match) return match;
  }
  return undefined;
}
