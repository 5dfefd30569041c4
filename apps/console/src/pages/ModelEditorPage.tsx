import { Suspense, lazy, useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'wouter';
import { ApiError, api, enc } from '../api/client';
import type {
  ModelApplied,
  ModelBacktest,
  ModelDiff,
  ModelIssueDetail,
  ModelValidation,
  ModelVersionDetail,
} from '../api/types';
import { BacktestView } from '../components/BacktestView';
import { DiffView } from '../components/DiffView';
import { ErrorMessage } from '../components/ErrorMessage';
import { ProblemsList, type ValidationState } from '../components/ProblemsList';
import { decodeSegment } from '../format';
import { useApi } from '../hooks/useApi';
import { useTitle } from '../hooks/useTitle';
import { withVersion, yamlVersion } from '../models/diagnostics';
import { useSession } from '../session/SessionContext';

const YamlEditor = lazy(() => import('../components/YamlEditor'));

export const VALIDATE_DEBOUNCE_MS = 300;
type Action = 'diff' | 'backtest' | 'apply';
const YAML = 'application/yaml';
export const EDITOR_LABEL = 'Model source (YAML)';

export const NEW_MODEL_TEMPLATE = `id: my-model
version: 1
name: My model
description: What this model is for.

fit:
  - id: job-title-ceo
    field: jobTitle
    operator: equals
    value: CEO
    ignoreCase: true
    points: 15

engagement:
  - id: pricing-page-view
    event: web.page_viewed
    filters:
      - field: path
        operator: regex
        pattern: ^/pricing(/|$)
    points: 10

decay:
  percentPerDay: 2

tiers:
  warm: 30
  hot: 60
`;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;
const isOptionalNumber = (value: unknown) => value === undefined || typeof value === 'number';

/** An element of InvalidModelProblem['issues'], checked: the problem body is whatever the server sent. */
function isIssue(value: unknown): value is ModelIssueDetail {
  return (
    isRecord(value) &&
    typeof value['path'] === 'string' &&
    typeof value['pointer'] === 'string' &&
    typeof value['message'] === 'string' &&
    typeof value['check'] === 'string' &&
    isOptionalNumber(value['line']) &&
    isOptionalNumber(value['column'])
  );
}

/** The issues of a 422 invalid-model problem (InvalidModelProblem), if the error is one. */
function invalidModelIssues(error: unknown): ModelIssueDetail[] | null {
  if (!(error instanceof ApiError) || error.status !== 422 || !error.problem) return null;
  const issues: unknown = error.problem['issues'];
  return Array.isArray(issues) && issues.every(isIssue) ? issues : null;
}

export function ModelEditorPage() {
  const params = useParams<{ id?: string }>();
  const id = params.id ? decodeSegment(params.id) : null;
  useTitle(id ? `Edit model ${id}` : 'New model');
  const { can } = useSession();
  const canApply = can('applyModels');

  const live = useApi(
    `live|${id ?? ''}`,
    (signal) => api.get<ModelVersionDetail>(`/v1/models/${enc(id ?? '')}/versions/live`, undefined, signal),
    {
      enabled: id !== null,
    },
  );
  const [source, setSource] = useState<string | null>(id ? null : NEW_MODEL_TEMPLATE);
  const [liveVersion, setLiveVersion] = useState<number | null>(null);
  const [issues, setIssues] = useState<ModelIssueDetail[]>([]);
  const [validation, setValidation] = useState<ValidationState>('idle');
  const [validationError, setValidationError] = useState<unknown>(null);
  const [diff, setDiff] = useState<ModelDiff | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const [applied, setApplied] = useState<ModelApplied | null>(null);
  const [backtest, setBacktest] = useState<ModelBacktest | null>(null);
  const [busy, setBusy] = useState<Action | null>(null);
  // The state lags a click: a second click before the re-render must not send the request again.
  const running = useRef(false);
  const requestSeq = useRef(0);

  // Load the live text once; a version published without the api has no text: its document as JSON is YAML too.
  useEffect(() => {
    if (live.status !== 'ok' || source !== null) return;
    setLiveVersion(live.data.version.version);
    setSource(live.data.source ?? `${JSON.stringify(live.data.document, null, 2)}\n`);
  }, [live, source]);

  // Validate as the text changes, debounced; answers to older texts are dropped.
  useEffect(() => {
    if (source === null) return;
    const seq = ++requestSeq.current;
    const timer = window.setTimeout(() => {
      setValidation('checking');
      api.postText<ModelValidation>('/v1/models/validate', source, YAML).then(
        (result) => {
          if (seq !== requestSeq.current) return;
          setIssues(result.issues);
          setValidation(result.valid ? 'valid' : 'invalid');
          setValidationError(null);
        },
        (error: unknown) => {
          if (seq !== requestSeq.current) return;
          setValidation('failed');
          setValidationError(error);
        },
      );
    }, VALIDATE_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [source]);

  const onChange = (text: string) => {
    setSource(text);
    setApplied(null);
  };

  const run = async (kind: Action) => {
    if (source === null || running.current) return;
    running.current = true;
    setBusy(kind);
    setActionError(null);
    setApplied(null);
    try {
      if (kind === 'diff') {
        setDiff(await api.postText<ModelDiff>('/v1/models/diff', source, YAML));
      } else if (kind === 'backtest') {
        setBacktest(null);
        setBacktest(await api.postText<ModelBacktest>('/v1/models/backtest', source, YAML));
      } else {
        const result = await api.postText<ModelApplied>('/v1/models', source, YAML);
        setApplied(result);
        setDiff(result.diff);
        setLiveVersion(result.version.version);
      }
    } catch (error) {
      setActionError(error);
      const problemIssues = invalidModelIssues(error);
      if (problemIssues) {
        setIssues(problemIssues);
        setValidation('invalid');
      }
    } finally {
      running.current = false;
      setBusy(null);
    }
  };

  const currentVersion = source !== null ? yamlVersion(source) : null;

  return (
    <>
      <p>
        <Link href="/models">← Models</Link>
      </p>
      <h1>{id ? `Edit model ${id}` : 'New model'}</h1>
      {id ? (
        <p className="hint">
          Live version: {liveVersion ?? '—'}
          {currentVersion !== null ? `; this text is version ${currentVersion}` : ''}. Applying needs a
          version above the live one.
        </p>
      ) : (
        <p className="hint">Write the model in YAML; it is checked as you type.</p>
      )}
      <ErrorMessage error={live.error} />
      {source === null && live.status === 'loading' ? (
        <p className="loading">Loading the live version…</p>
      ) : null}
      {source !== null ? (
        <>
          <p id="editor-help" className="hint">
            Problems are marked at their lines and listed below. Tab leaves the editor.
          </p>
          <Suspense
            fallback={
              <p className="loading" role="status">
                Loading the editor…
              </p>
            }
          >
            <YamlEditor
              value={source}
              onChange={onChange}
              issues={issues}
              label={EDITOR_LABEL}
              describedBy="editor-help"
            />
          </Suspense>
          <ErrorMessage error={validationError} prefix="Validation failed:" />
          <ProblemsList issues={issues} state={validation} />
          <div className="actions">
            {liveVersion !== null ? (
              <button type="button" onClick={() => onChange(withVersion(source, liveVersion + 1))}>
                Bump version
              </button>
            ) : null}
            <button type="button" disabled={busy !== null} onClick={() => void run('diff')}>
              Show diff
            </button>
            <button
              type="button"
              disabled={busy !== null}
              aria-busy={busy === 'backtest'}
              onClick={() => void run('backtest')}
            >
              {busy === 'backtest' ? 'Backtesting…' : 'Backtest'}
            </button>
            {canApply ? (
              <button
                type="button"
                className="primary"
                disabled={busy !== null}
                onClick={() => void run('apply')}
              >
                Apply
              </button>
            ) : (
              <span className="hint">Your role can check models but not apply them.</span>
            )}
          </div>
          <ErrorMessage error={actionError} />
          <p role="status" className={applied ? 'success' : undefined}>
            {applied ? `Applied version ${applied.version.version}` : ''}
          </p>
          {busy === 'backtest' ? (
            <p className="loading" role="status">
              Replaying the archived contacts under both models…
            </p>
          ) : null}
          {diff ? <DiffView diff={diff} /> : null}
          {backtest ? <BacktestView backtest={backtest} /> : null}
        </>
      ) : null}
    </>
  );
}
