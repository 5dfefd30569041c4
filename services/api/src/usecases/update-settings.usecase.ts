import { ianaTimeZone, trackingFormFieldRefusal } from '@leadscore/access';
import { phoneCountryCode } from '@leadscore/contracts';
import type { UpdateSettingsRequest, WorkspaceSettings } from '@leadscore/contracts';
import {
  auditLogRepository,
  providerSecretRepository,
  workspaceSettingsRepository,
  type WorkspaceSettingsChange,
} from '@leadscore/persistence';
import type { ApiContext } from '../app/api.context.js';
import type { Caller } from '../auth/caller.js';
import { fail, type FieldError } from '../http/problem-details.js';
import { settingsView } from './settings.view.js';

/** The request's values as stored (canonical zone and country), or every field error at once. */
function normalized(command: UpdateSettingsRequest): WorkspaceSettingsChange {
  const errors: FieldError[] = [];
  const change: { -readonly [K in keyof WorkspaceSettingsChange]: WorkspaceSettingsChange[K] } = {};
  if (command.timeZone !== undefined) {
    const zone = command.timeZone === null ? null : ianaTimeZone(command.timeZone);
    if (zone === undefined)
      errors.push({
        field: 'timeZone',
        expected:
          'an IANA time zone name such as "Europe/Berlin", "America/New_York" or "UTC" (not an offset like "+01:00"), or null to unset it',
      });
    else change.timeZone = zone;
  }
  if (command.defaultCountry !== undefined) {
    const country = command.defaultCountry === null ? null : phoneCountryCode(command.defaultCountry);
    if (country === undefined)
      errors.push({
        field: 'defaultCountry',
        expected:
          'an ISO 3166 alpha-2 country code with a known phone numbering plan, such as "US" or "DE", or null',
      });
    else change.defaultCountry = country;
  }
  if (command.trackingFormFields !== undefined) {
    const fields = command.trackingFormFields;
    fields?.forEach((name, index) => {
      const refusal = trackingFormFieldRefusal(name);
      if (refusal) errors.push({ field: `trackingFormFields[${index}]`, expected: refusal });
    });
    change.trackingFormFields = fields;
  }
  if (errors.length > 0) {
    const [first] = errors;
    return fail(
      'invalid-request',
      `${first?.field}: expected ${first?.expected}. Send for instance {"timeZone": "Europe/Berlin", "defaultCountry": "DE"}.`,
      errors,
    );
  }
  return change;
}

/**
 * An admin changes its workspace's settings (fields left out stay, null unsets), audited as
 * `settings.changed` with the values set (none of them secret), in one transaction.
 */
export class UpdateSettings {
  constructor(private readonly context: ApiContext) {}

  async execute(caller: Caller, command: UpdateSettingsRequest): Promise<WorkspaceSettings> {
    const change = normalized(command);
    const at = this.context.now();
    return this.context.dataSource.transaction(async (sql) => {
      const row = await workspaceSettingsRepository.change(sql, caller.workspaceId, change, at, caller.actor);
      await auditLogRepository.append(sql, [
        {
          workspaceId: caller.workspaceId,
          actor: caller.actor,
          action: 'settings.changed',
          target: caller.workspaceId,
          details: { ...change },
          at,
        },
      ]);
      return settingsView(row, await providerSecretRepository.list(sql, caller.workspaceId));
    });
  }
}
