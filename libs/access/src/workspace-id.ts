/** Workspace ids: lower-case letters, digits, `_` and `-`, starting with a letter or digit, at most 64. */
export const WORKSPACE_ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}$/;

declare const workspaceIdBrand: unique symbol;

/**
 * A workspace id that came from an authenticated caller or a validated input, never a bare string:
 * every repository function that reads or writes tenant data takes one, so a query without the tenant
 * does not compile (tenancy by types).
 */
export type WorkspaceId = string & { readonly [workspaceIdBrand]: true };

export function isWorkspaceId(text: string): text is WorkspaceId {
  return WORKSPACE_ID_PATTERN.test(text);
}

/** The id, or an Error naming the expected form. */
export function workspaceId(text: string): WorkspaceId {
  if (!isWorkspaceId(text))
    throw new Error(
      `"${text.slice(0, 80)}" is not a workspace id: expected 1 to 64 characters of a-z, 0-9, "_" and "-", starting with a letter or digit`,
    );
  return text;
}
