import type { Role } from '../api/types';

/** What a role may do; the server refuses the rest with 403 anyway. */
export type Permission = 'read' | 'applyModels' | 'admin';

const GRANTS: Record<Role, readonly Permission[]> = {
  viewer: ['read'],
  editor: ['read', 'applyModels'],
  admin: ['read', 'applyModels', 'admin'],
};

export function can(role: Role | undefined, permission: Permission): boolean {
  return role !== undefined && GRANTS[role].includes(permission);
}

export const ROLES: readonly Role[] = ['viewer', 'editor', 'admin'];
