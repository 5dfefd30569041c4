import { sendgridPublicKey, trackingFormFieldRefusal } from '@leadscore/access';
import { isSupportedCountry } from '@leadscore/contracts';
import { ConfigError } from '@leadscore/config';
import { z } from 'zod';
import { trackedFormFieldNames } from '../tracking/tracked-form-fields.js';
import { hashKey } from './workspace-key.js';
import { InMemoryWorkspaceDirectory, type WorkspaceSettings } from './workspace-directory.js';
import type { WorkspaceKey } from './workspace-key.js';

const VARIABLE = 'INGEST_WORKSPACES';

const workspaceEntry = z.object({
  workspace: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/),
  defaultCountry: z.string().refine(isSupportedCountry).optional(),
  keys: z.array(
    z.object({ kind: z.enum(['publishable', 'secret']), sha256: z.string().regex(/^[0-9a-f]{64}$/) }),
  ),
  sendgrid: z.object({ publicKey: z.string().min(1) }).optional(),
  twilio: z.object({ authToken: z.string().min(1) }).optional(),
  zoom: z.object({ secretToken: z.string().min(1) }).optional(),
  mailgun: z.object({ signingKey: z.string().min(1) }).optional(),
  trackingFormFields: z
    .array(z.string().refine((name) => trackingFormFieldRefusal(name) === undefined))
    .max(100)
    .optional(),
});

const EXPECTED =
  'a JSON array of {"workspace":"acme","defaultCountry":"US","keys":[{"kind":"publishable"|"secret","sha256":"<hex SHA-256 of the key>"}],"sendgrid":{"publicKey":"<base64 DER>"},"twilio":{"authToken"},"zoom":{"secretToken"},"mailgun":{"signingKey"},"trackingFormFields":["email","company"]} (form field names: no password, token or payment field)';

/** Keys and secrets of the local stack (NODE_ENV other than production, INGEST_WORKSPACES unset). */
export const LOCAL_WORKSPACE = {
  workspace: 'local',
  publishableKey: 'pk_local_dev',
  secretKey: 'sk_local_dev',
  twilioAuthToken: 'local-twilio-auth-token',
  zoomSecretToken: 'local-zoom-secret-token',
  mailgunSigningKey: 'local-mailgun-signing-key',
} as const;

function localDirectory(): InMemoryWorkspaceDirectory {
  const w = LOCAL_WORKSPACE;
  return new InMemoryWorkspaceDirectory(
    [
      { workspace: w.workspace, kind: 'publishable', keyHash: hashKey(w.publishableKey) },
      { workspace: w.workspace, kind: 'secret', keyHash: hashKey(w.secretKey) },
    ],
    [
      {
        workspace: w.workspace,
        identity: { defaultCountry: 'US' },
        providers: {
          twilio: { authToken: w.twilioAuthToken },
          zoom: { secretToken: w.zoomSecretToken },
          mailgun: { signingKey: w.mailgunSigningKey },
        },
      },
    ],
  );
}

/**
 * Builds the in-memory workspace directory from INGEST_WORKSPACES; a malformed value stops the
 * service with a ConfigError naming the variable (its value is secret and never shown).
 */
export function workspaceDirectoryFromConfig(
  json: string | undefined,
  production: boolean,
): InMemoryWorkspaceDirectory {
  if (json === undefined) return production ? new InMemoryWorkspaceDirectory([], []) : localDirectory();
  let parsed: z.infer<typeof workspaceEntry>[];
  try {
    parsed = z.array(workspaceEntry).parse(JSON.parse(json));
  } catch (error) {
    const where =
      error instanceof z.ZodError
        ? ` (problem at ${error.issues[0]?.path.join('.') ?? '?'})`
        : ' (not valid JSON)';
    throw new ConfigError([
      { variable: VARIABLE, expected: EXPECTED, received: `a value that is not shown (secret)${where}` },
    ]);
  }
  const keys: WorkspaceKey[] = [];
  const settings: WorkspaceSettings[] = [];
  for (const entry of parsed) {
    for (const key of entry.keys)
      keys.push({ workspace: entry.workspace, kind: key.kind, keyHash: key.sha256 });
    let sendgrid: WorkspaceSettings['providers']['sendgrid'];
    try {
      sendgrid = entry.sendgrid ? { publicKey: sendgridPublicKey(entry.sendgrid.publicKey) } : undefined;
    } catch {
      throw new ConfigError([
        {
          variable: VARIABLE,
          expected: 'sendgrid.publicKey: the base64 DER verification key SendGrid shows',
          received: `workspace ${entry.workspace}: a key that does not parse`,
        },
      ]);
    }
    settings.push({
      workspace: entry.workspace,
      identity: entry.defaultCountry ? { defaultCountry: entry.defaultCountry } : {},
      providers: { sendgrid, twilio: entry.twilio, zoom: entry.zoom, mailgun: entry.mailgun },
      ...(entry.trackingFormFields
        ? { trackingFormFields: trackedFormFieldNames(entry.trackingFormFields) }
        : {}),
    });
  }
  return new InMemoryWorkspaceDirectory(keys, settings);
}
