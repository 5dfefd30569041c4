import { featureMappingSchema, type FeatureMapping } from '@leadscore/contracts';
import { ScoringInputError } from '@leadscore/scoring';
import { Ajv } from 'ajv';
import { parse, stringify } from 'yaml';

const validate = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true }).compile<FeatureMapping>(
  featureMappingSchema,
);

/**
 * A reviewed feature mapping (YAML or JSON, schemas/learning/feature-mapping), checked against its schema:
 * every problem is named with its path, and columns mapped twice are refused.
 */
export function parseFeatureMapping(text: string, sourceName: string): FeatureMapping {
  let document: unknown;
  try {
    document = parse(text);
  } catch (error) {
    throw new ScoringInputError(
      `${sourceName}: not YAML or JSON (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  if (!validate(document)) {
    const problems = (validate.errors ?? [])
      .filter((e) => e.keyword !== 'oneOf' && e.keyword !== 'const')
      .map((e) => `${e.instancePath || '(top)'} ${e.message ?? 'is invalid'}`);
    const kinds = (validate.errors ?? []).some((e) => e.keyword === 'const' || e.keyword === 'oneOf');
    throw new ScoringInputError(
      `${sourceName}: ${[...new Set(problems)].join('; ')}${kinds ? `${problems.length > 0 ? '; ' : ''}each feature is kind category (column, field), count (column, event) or ignore (column, reason)` : ''}`,
    );
  }
  const seen = new Set<string>();
  for (const feature of document.features) {
    if (seen.has(feature.column))
      throw new ScoringInputError(`${sourceName}: the column "${feature.column}" is mapped twice`);
    seen.add(feature.column);
  }
  return document;
}

/** A mapping as the YAML a person reviews, with a comment on what to check. */
export function featureMappingYaml(mapping: FeatureMapping): string {
  return [
    "# How the export's columns map to what the live scorer knows (schemas/learning/feature-mapping).",
    '# Review it: each count needs the event type the live scorer counts for it (event: web.page_viewed, ...);',
    '# each category names the profile field (trait) that holds the same answer; ignore what is not about the lead.',
    stringify(mapping),
  ].join('\n');
}
