import { scoreChangedSchema, type ScoreChangedEvent } from '@leadscore/contracts';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

export type DecodedScoreChange =
  | { readonly ok: true; readonly offset: string; readonly event: ScoreChangedEvent }
  | { readonly ok: false; readonly offset: string; readonly reason: string };

let validate: ValidateFunction<ScoreChangedEvent> | undefined;

function validator(): ValidateFunction<ScoreChangedEvent> {
  if (!validate) {
    const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
    addFormats.default(ajv, ['date-time']);
    validate = ajv.compile<ScoreChangedEvent>(scoreChangedSchema);
  }
  return validate;
}

/** Parses and validates one leads.score-changed.v1 record; a bad one comes back with the reason. */
export function decodeScoreChanged(offset: string, value: Buffer | null): DecodedScoreChange {
  if (value === null)
    return { ok: false, offset, reason: 'empty record (tombstone) on the score-changed topic' };
  let candidate: unknown;
  try {
    candidate = JSON.parse(value.toString('utf8'));
  } catch (error) {
    return {
      ok: false,
      offset,
      reason: `not JSON: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  const check = validator();
  if (!check(candidate)) {
    const issues = (check.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`);
    return { ok: false, offset, reason: `invalid score-changed event: ${issues.join('; ')}` };
  }
  return { ok: true, offset, event: candidate };
}
