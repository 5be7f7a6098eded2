// What each role may do in a pole. The server decides (data/roles.json and each module's
// data/permissions/<module>.json, read by the server); the web app reads the same files at
// build time only to hide what a user may not do. If /api/auth/me gives a pole's
// `permissions`, those win.
import roles from '../../../data/roles.json';
import type { Role, User, UserPole } from './types';

interface PermissionFile {
  permissions: Record<string, string>;
  roles: Record<string, string[]>;
}

const MODULE_FILES = import.meta.glob<PermissionFile>('../../../data/permissions/*.json', { eager: true, import: 'default' });

export type Permission = keyof typeof roles.permissions | (string & {});

/** Every permission with its description, the foundation's and the modules'. */
export const PERMISSIONS: Record<string, string> = { ...roles.permissions };
const ROLE_PERMISSIONS: Record<string, string[]> = Object.fromEntries(Object.entries(roles.roles).map(([r, list]) => [r, [...list]]));
for (const file of Object.values(MODULE_FILES)) {
  Object.assign(PERMISSIONS, file.permissions);
  for (const [role, list] of Object.entries(file.roles)) ROLE_PERMISSIONS[role]?.push(...list);
}

export function permissionsOf(role: Role | string | null | undefined): readonly string[] {
  return (role && ROLE_PERMISSIONS[role]) || [];
}

/**
 * Catalog key of a permission's label: the foundation's live under `admin.permission.*`
 * ("actors.write" → "admin.permission.actors_write"), a module's in its own catalog
 * ("network.write" → "network.permission.write").
 */
export function permissionLabelKey(permission: string): string {
  if (permission in roles.permissions) return `admin.permission.${permission.replace('.', '_')}`;
  const dot = permission.indexOf('.');
  return `${permission.slice(0, dot)}.permission.${permission.slice(dot + 1).replace(/\./g, '_')}`;
}

/** Whether `user` may do `permission` in `pole`. */
export function can(user: User | null, pole: UserPole | null | undefined, permission: Permission | undefined): boolean {
  if (!permission) return true;
  if (!user || !pole) return false;
  if (user.platform_admin) return true;
  const granted = pole.permissions ?? permissionsOf(pole.role);
  return granted.includes(permission);
}
