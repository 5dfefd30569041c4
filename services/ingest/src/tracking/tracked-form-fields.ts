import { trackingFormFieldRefusal } from '@leadscore/access';
import { hostileContentIssue } from '../batch/hostile-content.js';
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
 * Canonical events of /v1/events written with a publishable key: each `web.form_submitted` keeps only
 * the configured fields (keepTrackedFields). An event with hostile content is left as it is: the batch
 * check refuses it whole.
 */
export function withTrackedFormFields(
  candidates: readonly unknown[],
  allowed: ReadonlySet<string>,
): readonly unknown[] {
  return candidates.map((candidate) => {
    if (!isPlainObject(candidate) || candidate['type'] !== 'web.form_submitted') return candidate;
    const data = candidate['data'];
    if (!isPlainObject(data) || data['fields'] === undefined) return candidate;
    if (hostileContentIssue(candidate, '(event)')) return candidate;
    const { fields, ...rest } = data;
    const kept = keepTrackedFields(fields, allowed);
    return { ...candidate, data: kept === undefined ? rest : { ...rest, fields: kept } };
  });
}
