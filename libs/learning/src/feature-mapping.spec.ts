import { describe, expect, it } from '@jest/globals';
import { featureMappingYaml, parseFeatureMapping } from './feature-mapping.js';
import { parseLeadCsv, proposeMapping } from './lead-table.js';

describe('feature mappings', () => {
  it('round-trips a proposed mapping through the YAML a person reviews', () => {
    const proposed = proposeMapping(parseLeadCsv('Lead Source,Visits,Converted\nWeb,2,1\nAd,0,0\nWeb,1,0\n'));
    const text = featureMappingYaml(proposed);
    expect(text).toMatch(/^# How the export's columns map/);
    expect(parseFeatureMapping(text, 'mapping.yaml')).toEqual(proposed);
  });

  it('names every problem with its path', () => {
    expect(() => parseFeatureMapping('outcome: { column: Converted }\nfeatures: []\n', 'm.yaml')).toThrow(
      "m.yaml: /outcome must have required property 'converted'; /outcome must have required property 'lost'",
    );
    expect(() =>
      parseFeatureMapping(
        'outcome: { column: C, converted: ["1"], lost: ["0"] }\nfeatures: [{ column: A, kind: counted }]\n',
        'm.yaml',
      ),
    ).toThrow(
      'each feature is kind category (column, field), count (column, event) or ignore (column, reason)',
    );
    expect(() =>
      parseFeatureMapping(
        'outcome: { column: C, converted: ["1"], lost: ["0"] }\nfeatures:\n  - { column: A, kind: count, event: null }\n  - { column: A, kind: ignore, reason: x }\n',
        'm.yaml',
      ),
    ).toThrow('the column "A" is mapped twice');
    expect(() => parseFeatureMapping('outcome: [', 'm.yaml')).toThrow('m.yaml: not YAML or JSON');
  });
});
