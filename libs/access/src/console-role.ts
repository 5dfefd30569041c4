import type { KeyScope } from './key-scope.js';

/**
 * What a person signed in to the console may do, as a role of their workspace. Each role is a set of the
 * api's key scopes, so every route checks people and keys alike: a viewer reads, an editor also changes
 * scoring models, an admin also manages the workspace (users, keys, webhooks, settings, erasure).
 */
export const CONSOLE_ROLES = ['viewer', 'editor', 'admin'] as const;
export type ConsoleRole = (typeof CONSOLE_ROLES)[number];

const ROLE_SCOPES: Readonly<Record<ConsoleRole, readonly KeyScope[]>> = {
  viewer: ['read'],
  editor: ['read', 'models:write'],
  admin: ['read', 'models:write', 'admin'],
};

export function isConsoleRole(text: string): text is ConsoleRole {
  return (CONSOLE_ROLES as readonly string[]).includes(text);
}

export function scopesOfRole(role: ConsoleRole): readonly KeyScope[] {
  return ROLE_SCOPES[role];
}
