// Tool Runner: pick a read-only tool, fill the form generated from its JSON Schema, invoke it, see the
// result — or the API's own words when the arguments are wrong.
import { type FormEvent, useEffect, useState } from 'react';
import { ApiError } from '../api/api-error';
import { useApi } from '../app/api-context';
import { useRouter } from '../app/router-context';
import { useAsync } from '../app/use-async';
import { ErrorMessage } from '../components/error-message';
import { SelectField } from '../components/form-fields';
import { JsonView } from '../components/json-view';
import { PageHeader } from '../components/page-header';
import { type FieldValues, initialValues, SchemaForm, valuesToArguments } from '../components/schema-form';
import { Spinner } from '../components/spinner';

export function ToolRunnerView() {
  const api = useApi();
  const router = useRouter();
  const tools = useAsync(() => api.listTools(), [api]);
  const readOnly = (tools.data ?? []).filter((tool) => !tool.side_effecting);
  const selectedName = router.search.get('tool') ?? readOnly[0]?.name ?? '';
  const tool = readOnly.find((item) => item.name === selectedName);
  const [values, setValues] = useState<FieldValues>({});
  const [result, setResult] = useState<{ name: string; result: unknown } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [running, setRunning] = useState(false);

  useEffect(() => {
    setValues(tool ? initialValues(tool.json_schema) : {});
    setResult(null);
    setError(null);
  }, [tool]);

  const invoke = async (event: FormEvent) => {
    event.preventDefault();
    if (!tool) return;
    setError(null);
    setResult(null);
    const built = valuesToArguments(tool.json_schema, values);
    if (built.problems.length) {
      setError(new ApiError(0, 'form', built.problems));
      return;
    }
    setRunning(true);
    try {
      setResult(await api.invokeTool(tool.name, built.arguments));
    } catch (caught) {
      setError(caught);
    } finally {
      setRunning(false);
    }
  };

  return (
    <div className="view">
      <PageHeader title="Tool Runner">
        Call a read-only tool directly. Side-effecting tools only run inside an approved run.
      </PageHeader>
      <ErrorMessage error={tools.error} title="Could not load tools" />
      {tools.loading ? <Spinner label="Loading tools…" /> : null}
      <div className="split">
        <form className="card" onSubmit={invoke} aria-label="Invoke tool">
          <SelectField
            label="Tool"
            value={selectedName}
            onChange={(value) => router.navigate(`/tool-runner?tool=${encodeURIComponent(value)}`, { replace: true })}
          >
            {readOnly.map((item) => (
              <option key={item.name} value={item.name}>
                {item.name}
              </option>
            ))}
          </SelectField>
          {tool ? (
            <>
              <p className="muted">{tool.description}</p>
              <SchemaForm schema={tool.json_schema} values={values} onChange={setValues} />
              <button type="submit" className="button primary" disabled={running}>
                Invoke
              </button>
            </>
          ) : tools.data ? (
            <p className="muted">No read-only tool named “{selectedName}”.</p>
          ) : null}
        </form>
        <div className="stack">
          {running ? <Spinner label="Invoking…" /> : null}
          <ErrorMessage error={error} title="The tool call was rejected" />
          {result ? (
            <section className="card" aria-label="Tool result">
              <h2>Result of {result.name}</h2>
              <output className="tool-result" data-testid="tool-result">
                {typeof result.result === 'string' || typeof result.result === 'number' ? String(result.result) : null}
              </output>
              {typeof result.result === 'object' && result.result !== null ? (
                <JsonView value={result.result} label="Tool result JSON" />
              ) : null}
            </section>
          ) : null}
        </div>
      </div>
    </div>
  );
}
