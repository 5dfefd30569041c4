import { render, screen, waitFor } from '@testing-library/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import YamlEditor from './YamlEditor';
import { stubRangeGeometry } from '../test/codemirror';

beforeAll(stubRangeGeometry);

// The real CodeMirror in jsdom: enough for its DOM, its accessible name and lint decorations.
describe('YAML editor (CodeMirror)', () => {
  it('is a textbox named by its label, holding the text', () => {
    render(
      <YamlEditor value={'id: m\nversion: 1\n'} onChange={vi.fn()} issues={[]} label="Model source (YAML)" />,
    );
    const box = screen.getByRole('textbox', { name: 'Model source (YAML)' });
    expect(box).toHaveTextContent('id: m');
    expect(box).toHaveTextContent('version: 1');
  });

  it('marks an issue at its line: underline in the text and a marker in the gutter', async () => {
    const { container, rerender } = render(
      <YamlEditor value={'id: m\nversion: x\n'} onChange={vi.fn()} issues={[]} label="Model source (YAML)" />,
    );
    expect(container.querySelector('.cm-lintRange-error')).toBeNull();
    rerender(
      <YamlEditor
        value={'id: m\nversion: x\n'}
        onChange={vi.fn()}
        issues={[
          {
            path: 'version',
            pointer: '/version',
            line: 2,
            column: 10,
            message: 'must be integer',
            check: 'schema:type',
          },
        ]}
        label="Model source (YAML)"
      />,
    );
    await waitFor(() => expect(container.querySelector('.cm-lintRange-error')).toHaveTextContent('x'));
    expect(container.querySelector('.cm-lint-marker-error')).not.toBeNull();
  });

  it('replaces its text when the value changes from outside', async () => {
    const { rerender } = render(
      <YamlEditor value={'version: 1\n'} onChange={vi.fn()} issues={[]} label="Model source (YAML)" />,
    );
    rerender(
      <YamlEditor value={'version: 2\n'} onChange={vi.fn()} issues={[]} label="Model source (YAML)" />,
    );
    await waitFor(() =>
      expect(screen.getByRole('textbox', { name: 'Model source (YAML)' })).toHaveTextContent('version: 2'),
    );
  });
});
