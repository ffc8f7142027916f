// The Studio's views, grouped as the navigation shows them; the path is the client route.
import { type ComponentType, lazy } from 'react';
import { RUN_PAGE_PREFIX } from '../runs/run-path';

// Each view is its own chunk, fetched the first time someone opens it, so the first page downloads
// only the shell and the view it shows (the canvas, markdown and table libraries travel with the
// views that use them).
function lazyView<Name extends string>(load: () => Promise<Record<Name, ComponentType>>, name: Name) {
  return lazy(() => load().then((module) => ({ default: module[name] })));
}

const ChatView = lazyView(() => import('../views/chat-view'), 'ChatView');
const PlaygroundView = lazyView(() => import('../views/playground-view'), 'PlaygroundView');
const WorkflowsView = lazyView(() => import('../views/workflows-view'), 'WorkflowsView');
const HistoryView = lazyView(() => import('../views/history-view'), 'HistoryView');
const ToolsView = lazyView(() => import('../views/tools-view'), 'ToolsView');
const RolesView = lazyView(() => import('../views/roles-view'), 'RolesView');
const ToolRunnerView = lazyView(() => import('../views/tool-runner-view'), 'ToolRunnerView');
const MonitoringView = lazyView(() => import('../views/monitoring-view'), 'MonitoringView');
const EvalView = lazyView(() => import('../views/eval-view'), 'EvalView');
const CostsView = lazyView(() => import('../views/costs-view'), 'CostsView');
const ConnectionsView = lazyView(() => import('../views/connections-view'), 'ConnectionsView');
const McpView = lazyView(() => import('../views/mcp-view'), 'McpView');
const RunView = lazyView(() => import('../views/run-view'), 'RunView');

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
