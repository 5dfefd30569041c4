import { trackingFormFieldRefusal } from '@leadscore/access';
import { isPlainObject } from '../http/request-body.js';

/**
 * The form fields a workspace lets web pages send (its `trackingFormFields` setting): the names the
 * setting's rules accept. A password, token or payment field is left out even when it is configured
 * (the bootstrap configuration, or a row written before the rule): it is never kept.
 */
export function trackedFormFieldNames(names: readonly string[] | null | undefined): ReadonlySet<string> {
  return new Set((names ?? []).filter((name) => trackingFormFieldRefusal(name) === undefined));
}

/**
 * The `fields` of a form submission sent from a web page (a publishable key), keeping only the
 * configured names: ingest's rule, not the snippet's, so a page with an old cached snippet, a
 * hand-written call or analytics.js cannot store a field the workspace removed or never listed.
 * Undefined when nothing is left; anything but an object is returned as it is, for validation to refuse.
 */
export function keepTrackedFields(fields: unknown, allowed: ReadonlySet<string>): unknown {
  if (!isPlainObject(fields)) return fields;
  const kept = Object.entries(fields).filter(([name]) => allowed.has(name));
  return kept.length > 0 ? Object.fromEntries(kept) : undefined;
}

/**
 * A form submission's `data`, or a Segment call's `properties`, with `fields` reduced to the allowed
 * names (keepTrackedFields); without `fields` when none is left.
 */
export function withTrackedFields(
  container: Record<string, unknown>,
  allowed: ReadonlySet<string>,
): Record<string, unknown> {
  if (container['fields'] === undefined) return container;
  const { fields, ...rest } = container;
  const kept = keepTrackedFields(fields, allowed);
  return kept === undefined ? rest : { ...rest, fields: kept };
}

/**
 * Canonical events of /v1/events written with a publishable key: each `web.form_submitted` keeps only
 * the configured fields, before anything else reads it, so that neither the topic nor the dead-letter
 * copy of a refused event holds another one. (Content the batch check refuses may go with them: an
 * unconfigured field is dropped whatever it holds.)
 */
export function withTrackedFormFields(
  candidates: readonly unknown[],
  allowed: ReadonlySet<string>,
): readonly unknown[] {
  return candidates.map((candidate) => {
    if (!isPlainObject(candidate) || candidate['type'] !== 'web.form_submitted') return candidate;
    const data = candidate['data'];
    return isPlainObject(data) ? { ...candidate, data: withTrackedFields(data, allowed) } : candidate;
  });
}
