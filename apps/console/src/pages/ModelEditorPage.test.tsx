import { EditorView } from '@codemirror/view';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ModelDiff, ModelValidation, ModelVersionDetail, Role } from '../api/types';
import { modelBacktest, modelIssue, ontraport, session } from '../test/fixtures';
import { mockApi, problem, type Handler, type RecordedRequest } from '../test/mock-api';
import { renderApp } from '../test/render';
import { stubRangeGeometry } from '../test/codemirror';

beforeAll(stubRangeGeometry);

const SOURCE =
  'id: ontraport\nversion: 3\nname: ONTRAPORT-style\nengagement:\n  - id: email-click\n    event: email.clicked\n    points: 5\n';

const live: ModelVersionDetail = {
  version: ontraport,
  document: { id: 'ontraport', version: 3, workspace: 'acme', name: 'ONTRAPORT-style' },
  source: SOURCE,
};

const diff: ModelDiff = {
  modelId: 'ontraport',
  fromVersion: 3,
  toVersion: 4,
  unchanged: false,
  rules: {
    added: [
      { section: 'engagement', id: 'webinar-attended', rule: { event: 'webinar.attended', points: 20 } },
    ],
    removed: [],
    changed: [{ section: 'engagement', id: 'email-click', changes: [{ path: 'points', from: 5, to: 7 }] }],
  },
  sections: [{ section: 'tiers', changes: [{ path: 'tiers.hot', from: 60, to: 70 }] }],
};

/** Validation: an issue at line 7 when the points are not a number. */
function validate(request: RecordedRequest): { body: ModelValidation } {
  return /points: [a-z]/.test(request.body ?? '')
    ? {
        body: {
          valid: false,
          model: null,
          issues: [modelIssue()],
        },
      }
    : {
        body: {
          valid: true,
          model: { id: 'ontraport', version: 3, workspace: 'acme', name: 'x' },
          issues: [],
        },
      };
}

function routes(role: Role, overrides: Record<string, Handler> = {}) {
  return mockApi({
    'GET /v1/session': { body: session(role) },
    'GET /v1/models/ontraport/versions/live': { body: live },
    'POST /v1/models/validate': validate,
    'POST /v1/models/diff': { body: diff },
    ...overrides,
  });
}

async function editor() {
  const box = await screen.findByRole('textbox', { name: 'Model source (YAML)' });
  const view = EditorView.findFromDOM(box);
  if (!view) throw new Error('no CodeMirror view');
  return { box, view };
}

describe('model editor', () => {
  it('loads the live source and validates it as YAML', async () => {
    const api = routes('editor');
    renderApp('/models/ontraport/edit');
    const { box } = await editor();
    await waitFor(() => expect(box).toHaveTextContent('version: 3'));
    expect(screen.getByRole('heading', { level: 1, name: 'Edit model ontraport' })).toBeInTheDocument();
    expect(await screen.findByText('No problems: the model is valid.')).toBeInTheDocument();
    const [request] = api.find('POST', '/v1/models/validate');
    expect(request?.headers['content-type']).toBe('application/yaml');
    expect(request?.body).toBe(SOURCE);
    expect(request?.headers['x-csrf-token']).toBe('csrf-123');
  });

  it('shows "Line N: message" under the editor and marks the line after an edit', async () => {
    const api = routes('editor');
    const { container } = renderApp('/models/ontraport/edit');
    const { view } = await editor();
    await waitFor(() => expect(view.state.doc.toString()).toBe(SOURCE));
    await screen.findByText('No problems: the model is valid.');
    const at = SOURCE.indexOf('points: 5') + 'points: '.length;
    act(() => view.dispatch({ changes: { from: at, to: at + 1, insert: 'lots' } }));

    const problems = screen.getByRole('list', { name: 'Problems' });
    await waitFor(() => expect(within(problems).getByText(/Line 7: must be number/)).toBeInTheDocument());
    expect(problems).toHaveAttribute('aria-live', 'polite');
    expect(api.find('POST', '/v1/models/validate').at(-1)?.body).toContain('points: lots');
    await waitFor(() => expect(container.querySelector('.cm-lintRange-error')).toHaveTextContent('lots'));
  });

  it('shows the diff against the live version readably', async () => {
    const api = routes('viewer');
    renderApp('/models/ontraport/edit');
    await editor();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Show diff' }));
    const section = await screen.findByRole('region', { name: 'Changes from version 3 to 4' });
    expect(within(section).getByText('Rules added (1)')).toBeInTheDocument();
    expect(within(section).getByText('webinar-attended')).toBeInTheDocument();
    expect(within(section).getByText('Rules changed (1)')).toBeInTheDocument();
    expect(within(section).getByText('5')).toBeInTheDocument();
    expect(within(section).getByText('7')).toBeInTheDocument();
    expect(within(section).getByText('tiers.hot')).toBeInTheDocument();
    expect(api.find('POST', '/v1/models/diff')[0]?.body).toBe(SOURCE);
  });

  it('bumps the version above live and applies it', async () => {
    const api = routes('editor', {
      'POST /v1/models': { status: 201, body: { version: { ...live.version, version: 4 }, diff } },
    });
    renderApp('/models/ontraport/edit');
    const { view } = await editor();
    await waitFor(() => expect(view.state.doc.toString()).toBe(SOURCE));
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Bump version' }));
    await waitFor(() => expect(view.state.doc.toString()).toContain('version: 4'));
    await user.click(screen.getByRole('button', { name: 'Apply' }));
    expect(await screen.findByText('Applied version 4')).toBeInTheDocument();
    expect(api.find('POST', '/v1/models')[0]?.body).toContain('version: 4');
    expect(api.find('POST', '/v1/models')[0]?.headers['content-type']).toBe('application/yaml');
  });

  it('shows the detail of a 409 (not above live)', async () => {
    routes('admin', {
      'POST /v1/models': {
        status: 409,
        body: problem(409, 'Version 3 of ontraport is not above the live version 3: use version 4.'),
      },
    });
    renderApp('/models/ontraport/edit');
    await editor();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Apply' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('use version 4');
    expect(screen.queryByText(/Applied version/)).not.toBeInTheDocument();
  });

  it('lists the issues of a 422 from apply', async () => {
    routes('admin', {
      'POST /v1/models': {
        status: 422,
        body: problem(422, '1 problem: engagement[0].points must be number (line 7, column 13)', {
          errors: [{ field: 'engagement[0].points', expected: 'must be number (line 7, column 13)' }],
          issues: [modelIssue()],
        }),
      },
    });
    renderApp('/models/ontraport/edit');
    await editor();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Apply' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      '1 problem: engagement[0].points must be number',
    );
    expect(
      within(screen.getByRole('list', { name: 'Problems' })).getByText(/Line 7: must be number/),
    ).toBeInTheDocument();
  });

  it('lists no issues from a 422 whose issues are not shaped as the schema says, but shows its detail', async () => {
    routes('admin', {
      'POST /v1/models': {
        status: 422,
        body: problem(422, 'The model is invalid.', { issues: [{ line: 'seven', message: 42 }] }),
      },
    });
    renderApp('/models/ontraport/edit');
    await editor();
    await screen.findByText('No problems: the model is valid.');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Apply' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The model is invalid.');
    expect(within(screen.getByRole('list', { name: 'Problems' })).queryAllByRole('listitem')).toHaveLength(0);
  });

  it('runs a backtest once at a time, busy meanwhile, then shows the panel', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const api = routes('viewer', { 'POST /v1/models/backtest': { body: modelBacktest() } });
    // The backtest's answer waits for the gate: the page stays busy until the test releases it.
    const answerRoute = api.fetchMock.getMockImplementation();
    if (!answerRoute) throw new Error('no mock fetch');
    api.fetchMock.mockImplementation(async (input, init) => {
      const response = await answerRoute(input, init);
      if (api.requests.at(-1)?.path === '/v1/models/backtest') await gate;
      return response;
    });
    renderApp('/models/ontraport/edit');
    const { view } = await editor();
    await waitFor(() => expect(view.state.doc.toString()).toBe(SOURCE));
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Backtest' }));
    const busy = await screen.findByRole('button', { name: 'Backtesting…' });
    expect(busy).toBeDisabled();
    expect(busy).toHaveAttribute('aria-busy', 'true');
    expect(screen.getByRole('button', { name: 'Show diff' })).toBeDisabled();
    expect(screen.getByText('Replaying the archived contacts under both models…')).toBeInTheDocument();
    await user.click(busy);
    const calls = api.find('POST', '/v1/models/backtest');
    expect(calls).toHaveLength(1);
    expect(calls[0]?.body).toBe(SOURCE);
    expect(calls[0]?.headers['content-type']).toBe('application/yaml');

    release();
    expect(
      await screen.findByRole('region', { name: 'Backtest of ontraport: version 4 against live version 3' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Backtest' })).toBeEnabled();
    expect(screen.queryByText(/Replaying the archived contacts/)).not.toBeInTheDocument();
  });

  it('shows the api’s message when the model has no live version yet (404)', async () => {
    routes('editor', {
      'POST /v1/models/backtest': {
        status: 404,
        body: problem(404, 'Model my-model has no live version in this workspace: apply it first.'),
      },
    });
    renderApp('/models/new');
    await editor();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Backtest' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'has no live version in this workspace: apply it first.',
    );
    expect(screen.queryByRole('region', { name: /Backtest of/ })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Backtest' })).toBeEnabled();
  });

  it('shows the message of a 503 (archive down) and lists the issues of a 422', async () => {
    let status = 503;
    routes('editor', {
      'POST /v1/models/backtest': () =>
        status === 503
          ? { status, body: problem(503, 'The archive is unavailable: try again later.') }
          : {
              status,
              body: problem(422, '1 problem: engagement[0].points must be number (line 7, column 13)', {
                issues: [modelIssue()],
              }),
            },
    });
    renderApp('/models/ontraport/edit');
    await editor();
    await screen.findByText('No problems: the model is valid.');
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Backtest' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The archive is unavailable: try again later.',
    );
    status = 422;
    await user.click(screen.getByRole('button', { name: 'Backtest' }));
    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent('1 problem: engagement[0].points must be number'),
    );
    expect(
      within(screen.getByRole('list', { name: 'Problems' })).getByText(/Line 7: must be number/),
    ).toBeInTheDocument();
  });

  it('gives a viewer no Apply button', async () => {
    routes('viewer');
    renderApp('/models/ontraport/edit');
    await editor();
    expect(screen.getByRole('button', { name: 'Show diff' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Apply' })).not.toBeInTheDocument();
  });

  it('starts a new model from a template at version 1', async () => {
    routes('editor');
    renderApp('/models/new');
    const { view } = await editor();
    expect(view.state.doc.toString()).toMatch(/^id: my-model\nversion: 1\n/);
    expect(screen.getByRole('heading', { level: 1, name: 'New model' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Bump version' })).not.toBeInTheDocument();
  });
});
