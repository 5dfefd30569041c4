import { readFileSync } from 'node:fs';

/** The write key placeholder of Segment's HTTP API examples; tests put their own key in its place. */
export const SEGMENT_WRITE_KEY_PLACEHOLDER = 'YOUR_WRITE_KEY';

type SegmentCall = Record<string, unknown>;

interface SegmentExamples<K extends string> {
  readonly source: string;
  readonly examples: Readonly<Record<K, SegmentCall>>;
}

function fixture<K extends string>(file: string): SegmentExamples<K> {
  return JSON.parse(
    readFileSync(new URL(`./fixtures/segment/${file}`, import.meta.url), 'utf8'),
  ) as SegmentExamples<K>;
}

export type HttpApiExample = 'identify' | 'track' | 'page' | 'batch' | 'identifyWithIntegrations';
export type SpecExample = 'track' | 'page' | 'commonFields';
export type AliasExample = 'basic' | 'complete';
export type GroupExample = 'basic' | 'complete';

/** One example body of Segment's HTTP API documentation (test/fixtures/segment/README.md), a fresh copy. */
export function segmentHttpApiExample(name: HttpApiExample): SegmentCall {
  return structuredClone(fixture<HttpApiExample>('http-api-examples.json').examples[name]);
}

/** One complete call of Segment's Spec (track, page, common fields), a fresh copy. */
export function segmentSpecExample(name: SpecExample): SegmentCall {
  return structuredClone(fixture<SpecExample>('spec-examples.json').examples[name]);
}

/** One alias call of Segment's Spec: Alias (the basic payload, the complete example), a fresh copy. */
export function segmentAliasExample(name: AliasExample): SegmentCall {
  return structuredClone(fixture<AliasExample>('alias-examples.json').examples[name]);
}

/** One group call of Segment's Spec: Group (the typical payload, the complete example), a fresh copy. */
export function segmentGroupExample(name: GroupExample): SegmentCall {
  return structuredClone(fixture<GroupExample>('group-examples.json').examples[name]);
}
