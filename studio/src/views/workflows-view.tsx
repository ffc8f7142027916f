// Workflows: a drag-and-drop DAG editor on @xyflow/react. Add steps, connect dependencies, save/load/delete
// specs on the server (its 422 problems shown inline), and run with each step lit up as the server reports it running and finished.
import '@xyflow/react/dist/style.css';
import {
  addEdge,
  Background,
  type Connection,
  Controls,
  type Edge,
  MarkerType,
  ReactFlow,
  type ReactFlowInstance,
  useEdgesState,
  useNodesState,
} from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { WorkflowSpec } from '../api/types';
import { useApi } from '../app/api-context';
import { useRouter } from '../app/router-context';
import { useActiveTheme } from '../app/theme-context';
import { useAsync } from '../app/use-async';
import { ErrorMessage } from '../components/error-message';
import { SelectField, TextField } from '../components/form-fields';
import { PageHeader } from '../components/page-header';
import { RunInspector } from '../components/run-inspector';
import { Spinner } from '../components/spinner';
import { nodeExecutionsFromTrace } from '../runs/node-executions';
import { RunGraph } from '../runs/run-graph';
import { EXAMPLE_WORKFLOW } from './example-workflow';
import { useWorkflowRun } from './use-workflow-run';
import { AddEdgeForm, AddStepForm, GraphOutline } from './workflow-add-forms';
import { canvasToSpec, nextNodeId, type StepNode, specToCanvas, stepStatus } from './workflow-spec';
import { WorkflowStepNode } from './workflow-step-node';

const NODE_TYPES = { step: WorkflowStepNode };
// Arrowheads make the direction of a dependency ("runs after") visible.
const EDGE_OPTIONS = { markerEnd: { type: MarkerType.ArrowClosed, width: 18, height: 18 } };

export function WorkflowsView() {
  const api = useApi();
  const router = useRouter();
  const theme = useActiveTheme();
  const roles = useAsync(() => api.listRoles(), [api]);
  const saved = useAsync(() => api.listWorkflows(), [api]);
  const [name, setName] = useState('my-workflow');
  const [goal, setGoal] = useState('');
  const [mode, setMode] = useState<WorkflowSpec['mode']>('auto');
  const [nodes, setNodes, onNodesChange] = useNodesState<StepNode>([]);
  const [edges, setEdges, onEdgesChange] = useEdgesState<Edge>([]);
  const [problems, setProblems] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  const workflowRun = useWorkflowRun();
  const { running, progress, trace, result } = workflowRun;
  const flowRef = useRef<ReactFlowInstance<StepNode, Edge> | null>(null);
  const requested = router.search.get('name');
  // The workflow the canvas already shows; saving puts its name in the URL without reloading it.
  const shownRef = useRef<string | null>(null);

  // Keep every step in sight as steps are added, removed or loaded.
  const nodeCount = nodes.length;
  useEffect(() => {
    if (nodeCount === 0) return;
    const frame = window.requestAnimationFrame(() => void flowRef.current?.fitView({ maxZoom: 1, padding: 0.15 }));
    return () => window.cancelAnimationFrame(frame);
  }, [nodeCount]);

  const startNew = () => {
    setName('my-workflow');
    setGoal('');
    setMode('auto');
    setNodes([]);
    setEdges([]);
    setProblems(null);
    setNotice('');
    workflowRun.reset();
    shownRef.current = null;
    router.navigate('/workflows', { replace: true });
  };

  /** Puts a spec on the canvas and in the header fields. */
  const showSpec = useCallback(
    (spec: WorkflowSpec) => {
      const canvas = specToCanvas(spec);
      setName(spec.name);
      setGoal(spec.goal ?? '');
      setMode(spec.mode ?? 'auto');
      setNodes(canvas.nodes);
      setEdges(canvas.edges);
    },
    [setNodes, setEdges],
  );

  const load = useCallback(
    async (workflowName: string) => {
      setProblems(null);
      setNotice('');
      workflowRun.reset();
      try {
        const spec = await api.getWorkflow(workflowName);
        showSpec(spec);
        setNotice(`Loaded “${spec.name}”.`);
      } catch (caught) {
        setProblems(caught);
      }
    },
    [api, showSpec, workflowRun.reset],
  );

  useEffect(() => {
    if (requested && requested !== shownRef.current) {
      shownRef.current = requested;
      void load(requested);
    }
  }, [requested, load]);

  const spec = () => canvasToSpec({ name: name.trim(), goal: goal.trim() || name.trim(), mode }, nodes, edges);

  const save = async () => {
    setProblems(null);
    setNotice('');
    try {
      const stored = await api.saveWorkflow(spec());
      shownRef.current = stored.name;
      setNotice(`Saved “${stored.name}”.`);
      saved.reload();
      router.navigate(`/workflows?name=${encodeURIComponent(stored.name)}`, { replace: true });
    } catch (caught) {
      setProblems(caught);
    }
  };

  const openSaved = (workflowName: string) => {
    if (!workflowName) return;
    if (workflowName === shownRef.current) {
      void load(workflowName); // Re-opening the shown workflow discards unsaved canvas edits.
      return;
    }
    router.navigate(`/workflows?name=${encodeURIComponent(workflowName)}`);
  };

  const remove = async () => {
    setProblems(null);
    setNotice('');
    try {
      await api.deleteWorkflow(name.trim());
      setNotice(`Deleted “${name.trim()}”.`);
      shownRef.current = null;
      saved.reload();
      router.navigate('/workflows', { replace: true });
    } catch (caught) {
      setProblems(caught);
    }
  };

  const run = () => {
    setProblems(null);
    setNotice('');
    void workflowRun.start(spec()).catch(setProblems);
  };

  const onConnect = useCallback(
    (connection: Connection) =>
      setEdges((list) =>
        addEdge({ ...connection, ...EDGE_OPTIONS, id: `${connection.source}->${connection.target}` }, list),
      ),
    [setEdges],
  );

  const addStep = (step: { role: string; subtask: string; label: string }) => {
    setNodes((list) => {
      const id = nextNodeId(list);
      const index = list.length;
      return [
        ...list,
        {
          id,
          type: 'step',
          // Columns of four, top to bottom, so a chain of dependencies reads downwards like the handles.
          position: { x: 40 + Math.floor(index / 4) * 260, y: 20 + (index % 4) * 140 },
          data: { label: step.label || id, role: step.role, subtask: step.subtask, status: 'idle' },
        },
      ];
    });
  };

  const addDependency = (source: string, target: string) =>
    setEdges((list) => addEdge({ ...EDGE_OPTIONS, id: `${source}->${target}`, source, target }, list));

  const deleteNode = (id: string) => {
    setNodes((list) => list.filter((node) => node.id !== id));
    setEdges((list) => list.filter((edge) => edge.source !== id && edge.target !== id));
  };

  // Delete acts on the saved workflow of this name; with nothing saved under it there is nothing to delete.
  const isSaved = (saved.data ?? []).includes(name.trim());

  const loadExample = () => {
    showSpec(EXAMPLE_WORKFLOW);
    setProblems(null);
    workflowRun.reset();
    setNotice('Loaded the example workflow. Run it, or change it and save it under your own name.');
  };

  const displayNodes = useMemo(() => {
    if (!progress) return nodes;
    return nodes.map((node) => ({ ...node, data: { ...node.data, status: stepStatus(progress, node.id, running) } }));
  }, [nodes, progress, running]);

  return (
    <div className="view">
      <PageHeader
        title="Workflows"
        actions={
          <>
            <button type="button" className="button ghost" onClick={startNew} disabled={running}>
              New workflow
            </button>
            <button type="button" className="button" onClick={() => void save()} disabled={running || !name.trim()}>
              Save
            </button>
            <button
              type="button"
              className="button primary"
              onClick={run}
              disabled={running || nodes.length === 0}
              title={nodes.length === 0 ? 'Add a step (or load the example) first' : undefined}
            >
              Run workflow
            </button>
          </>
        }
      >
        Steps are done by roles; an arrow means “runs after”. Independent steps run in parallel waves.
      </PageHeader>
      <div className="filters">
        <TextField label="Workflow name" value={name} onChange={setName} />
        <TextField label="Goal" value={goal} placeholder="what the workflow achieves" onChange={setGoal} />
        <SelectField label="Mode" value={mode} onChange={(value) => setMode(value as WorkflowSpec['mode'])}>
          <option value="auto">auto</option>
          <option value="swarm">swarm</option>
          <option value="single">single</option>
        </SelectField>
        <SelectField label="Saved workflows" value="" onChange={openSaved}>
          <option value="">{saved.loading ? 'Loading…' : `Open… (${saved.data?.length ?? 0} saved)`}</option>
          {(saved.data ?? []).map((item) => (
            <option key={item} value={item}>
              {item}
            </option>
          ))}
        </SelectField>
        <button
          type="button"
          className="button danger"
          onClick={() => void remove()}
          disabled={running || !isSaved}
          title={isSaved ? undefined : 'Nothing saved under this name'}
        >
          Delete workflow
        </button>
      </div>
      <ErrorMessage error={roles.error ?? saved.error} title="Could not load roles or workflows" />
      <ErrorMessage error={problems} title="The server rejected the workflow" />
      {notice ? (
        <p className="alert ok" role="status">
          {notice}
        </p>
      ) : null}
      {running ? <Spinner label="Running the workflow… steps light up as they run and finish." /> : null}
      <div className="workflow-layout">
        <section className="canvas" aria-label="Workflow canvas">
          {nodes.length === 0 ? (
            <div className="canvas-empty">
              <h2>Start with a step</h2>
              <p>
                A workflow is steps done by roles; an arrow from one step to another means “runs after”. Add steps with
                the form beside the canvas, then drag from a step's bottom handle to another step.
              </p>
              <button type="button" className="button primary" onClick={loadExample}>
                Load the example workflow
              </button>
              <p className="muted small">
                Three steps: compute a number and look up facts in parallel, then write a summary of both.
              </p>
            </div>
          ) : null}
          <ReactFlow<StepNode, Edge>
            nodes={displayNodes}
            edges={edges}
            nodeTypes={NODE_TYPES}
            onNodesChange={onNodesChange}
            onEdgesChange={onEdgesChange}
            onConnect={onConnect}
            onInit={(instance) => {
              flowRef.current = instance;
            }}
            defaultEdgeOptions={EDGE_OPTIONS}
            deleteKeyCode={['Backspace', 'Delete']}
            colorMode={theme}
            fitView
            fitViewOptions={{ maxZoom: 1 }}
          >
            <Background />
            <Controls />
          </ReactFlow>
        </section>
        <div className="stack">
          <AddStepForm roles={roles.data ?? []} onAdd={addStep} />
          <AddEdgeForm nodes={nodes} onAdd={addDependency} />
          <GraphOutline
            nodes={nodes}
            edges={edges}
            onDeleteNode={deleteNode}
            onDeleteEdge={(id) => setEdges((list) => list.filter((edge) => edge.id !== id))}
          />
        </div>
      </div>
      {/* Live while it runs; afterwards the result's run graph is the one trace shown. */}
      {running ? (
        <section className="card" aria-label="Workflow trace">
          <h2>Live trace</h2>
          <RunGraph nodes={nodeExecutionsFromTrace(trace)} live />
        </section>
      ) : null}
      {result ? (
        <section aria-label="Workflow result">
          <h2>Result</h2>
          <RunInspector result={result} />
        </section>
      ) : null}
    </div>
  );
}
