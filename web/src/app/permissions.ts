// What each role may do in a pole. The server decides (data/roles.json, read by the server);
// the web app reads the same file at build time only to hide what a user may not do.
// If /api/auth/me gives a pole's `permissions`, those win.
import roles from '../../../data/roles.json';
import type { Role, User, UserPole } from './types';

export type Permission = keyof typeof roles.permissions | (string & {});

const ROLE_PERMISSIONS: Record<string, readonly string[]> = roles.roles;

export function permissionsOf(role: Role | string | null | undefined): readonly string[] {
  return (role && ROLE_PERMISSIONS[role]) || [];
}

/** Whether `user` may do `permission` in `pole`. */
export function can(user: User | null, pole: UserPole | null | undefined, permission: Permission | undefined): boolean {
  if (!permission) return true;
  if (!user || !pole) return false;
  if (user.platform_admin) return true;
  const granted = pole.permissions ?? permissionsOf(pole.role);
  return granted.includes(permission);
}
