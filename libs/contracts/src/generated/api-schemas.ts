/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/*.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

import { apiKeySchema } from './api-key.schema.js'; // schemas/api/api-key.schema.json
import { auditPageSchema } from './audit-page.schema.js'; // schemas/api/audit-page.schema.json
import { createKeyRequestSchema } from './create-key-request.schema.js'; // schemas/api/create-key-request.schema.json
import { createWorkspaceRequestSchema } from './create-workspace-request.schema.js'; // schemas/api/create-workspace-request.schema.json
import { keyCreatedSchema } from './key-created.schema.js'; // schemas/api/key-created.schema.json
import { keyListSchema } from './key-list.schema.js'; // schemas/api/key-list.schema.json
import { problemSchema } from './problem.schema.js'; // schemas/api/problem.schema.json
import { workspaceCreatedSchema } from './workspace-created.schema.js'; // schemas/api/workspace-created.schema.json

/** Every schema of schemas/api/, for resolving `$ref`s by `$id` (the api's OpenAPI document). */
export const apiSchemas: readonly Readonly<Record<string, unknown>>[] = [
  apiKeySchema,
  auditPageSchema,
  createKeyRequestSchema,
  createWorkspaceRequestSchema,
  keyCreatedSchema,
  keyListSchema,
  problemSchema,
  workspaceCreatedSchema,
];
