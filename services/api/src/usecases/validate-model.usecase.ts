import type { ModelValidation } from '@leadscore/contracts';
import type { Caller } from '../auth/caller.js';
import type { ModelText } from '../http/model-body.js';
import { readModel } from './model-input.js';

/** Is this model valid for the caller's workspace? Every problem, with its line; nothing is stored. */
export class ValidateModel {
  execute(caller: Caller, input: ModelText): ModelValidation {
    const reading = readModel(input, caller.workspaceId);
    if (!reading.valid) return { valid: false, model: null, issues: [...reading.issues] };
    const { id, version, workspace, name } = reading.model;
    return { valid: true, model: { id, version, workspace, name }, issues: [] };
  }
}
