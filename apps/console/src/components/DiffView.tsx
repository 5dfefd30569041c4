import type { ModelDiff, ModelFieldChange } from '../api/types';

function show(value: unknown): string {
  if (value === undefined) return '(not set)';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function Changes({ changes }: { changes: ModelFieldChange[] }) {
  return (
    <ul>
      {changes.map((change) => (
        <li key={change.path}>
          <code>{change.path}</code>: <del>{show(change.from)}</del> → <ins>{show(change.to)}</ins>
        </li>
      ))}
    </ul>
  );
}

/** The answer of POST /v1/models/diff (and of an apply), for people. */
export function DiffView({ diff }: { diff: ModelDiff }) {
  const { added, removed, changed } = diff.rules;
  return (
    <section className="panel diff" aria-labelledby="diff-heading">
      <h2 id="diff-heading">
        {diff.fromVersion === null
          ? `Version ${diff.toVersion} of ${diff.modelId}: a new model`
          : `Changes from version ${diff.fromVersion} to ${diff.toVersion}`}
      </h2>
      {diff.unchanged ? <p>Nothing but the version number differs.</p> : null}
      {added.length > 0 ? (
        <>
          <h3>Rules added ({added.length})</h3>
          <ul>
            {added.map((rule) => (
              <li key={`${rule.section}/${rule.id}`} className="added">
                + {rule.section} <code>{rule.id}</code>
                {typeof rule.rule.points === 'number' ? ` (${rule.rule.points} points)` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {removed.length > 0 ? (
        <>
          <h3>Rules removed ({removed.length})</h3>
          <ul>
            {removed.map((rule) => (
              <li key={`${rule.section}/${rule.id}`} className="removed">
                − {rule.section} <code>{rule.id}</code>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {changed.length > 0 ? (
        <>
          <h3>Rules changed ({changed.length})</h3>
          <ul>
            {changed.map((rule) => (
              <li key={`${rule.section}/${rule.id}`}>
                {rule.section} <code>{rule.id}</code>
                <Changes changes={rule.changes} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {diff.sections.length > 0 ? (
        <>
          <h3>Other sections changed</h3>
          <ul>
            {diff.sections.map((section) => (
              <li key={section.section}>
                {section.section}
                <Changes changes={section.changes} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
