import type { KeyObject } from 'node:crypto';
import type { IdentityRules } from '@leadscore/contracts';
import type { WorkspaceKey } from './workspace-key.js';

/** Per-workspace provider credentials for webhook signature checks. */
export interface ProviderSecrets {
  readonly sendgrid?: { readonly publicKey: KeyObject };
  readonly twilio?: { readonly authToken: string };
  readonly zoom?: { readonly secretToken: string };
  readonly mailgun?: { readonly signingKey: string };
}

export interface WorkspaceSettings {
  readonly workspace: string;
  readonly identity: IdentityRules;
  readonly providers: ProviderSecrets;
  /**
   * The form fields the tracking snippet captures (`trackingFormFields`, trackedFormFieldNames):
   * absent or empty, none.
   */
  readonly trackingFormFields?: ReadonlySet<string>;
}

/**
 * Where ingest looks up keys and workspace settings: `InMemoryWorkspaceDirectory`, seeded from
 * configuration (the bootstrap), and `DatabaseKeyDirectory`, the api's keys, settings and secrets from
 * PostgreSQL in front of it.
 */
export interface WorkspaceDirectory {
  findKeyByHash(keyHash: string): WorkspaceKey | undefined;
  settings(workspace: string): WorkspaceSettings | undefined;
}

export class InMemoryWorkspaceDirectory implements WorkspaceDirectory {
  private readonly keys = new Map<string, WorkspaceKey>();
  private readonly workspaces = new Map<string, WorkspaceSettings>();

  constructor(keys: readonly WorkspaceKey[], workspaces: readonly WorkspaceSettings[]) {
    for (const key of keys) this.keys.set(key.keyHash, key);
    for (const settings of workspaces) this.workspaces.set(settings.workspace, settings);
  }

  findKeyByHash(keyHash: string): WorkspaceKey | undefined {
    return this.keys.get(keyHash);
  }

  settings(workspace: string): WorkspaceSettings | undefined {
    return this.workspaces.get(workspace);
  }
}
