import type { ReactNode } from 'react';
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

/** A heading and a list of `items`, or nothing when there are none. */
function Section<T>({
  heading,
  items,
  children,
}: {
  heading: string;
  items: readonly T[];
  children: (item: T) => ReactNode;
}) {
  if (items.length === 0) return null;
  return (
    <>
      <h3>{heading}</h3>
      <ul>{items.map(children)}</ul>
    </>
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
      <Section heading={`Rules added (${added.length})`} items={added}>
        {(rule) => (
          <li key={`${rule.section}/${rule.id}`} className="added">
            + {rule.section} <code>{rule.id}</code>
            {typeof rule.rule.points === 'number' ? ` (${rule.rule.points} points)` : ''}
          </li>
        )}
      </Section>
      <Section heading={`Rules removed (${removed.length})`} items={removed}>
        {(rule) => (
          <li key={`${rule.section}/${rule.id}`} className="removed">
            − {rule.section} <code>{rule.id}</code>
          </li>
        )}
      </Section>
      <Section heading={`Rules changed (${changed.length})`} items={changed}>
        {(rule) => (
          <li key={`${rule.section}/${rule.id}`}>
            {rule.section} <code>{rule.id}</code>
            <Changes changes={rule.changes} />
          </li>
        )}
      </Section>
      <Section heading="Other sections changed" items={diff.sections}>
        {(section) => (
          <li key={section.section}>
            {section.section}
            <Changes changes={section.changes} />
          </li>
        )}
      </Section>
    </section>
  );
}
