import { describe, expect, it } from 'vitest';
import { navEntries, validateModules } from '../src/app/nav';
import { can, permissionsOf } from '../src/app/permissions';
import { MODULE_ENTRIES, MODULES } from '../src/modules/registry';
import type { User, UserPole } from '../src/app/types';

describe('module registry', () => {
  it('discovers the foundation modules, in navigation order', () => {
    // Other modules slot in between: the foundation's keep their order.
    const foundation = ['dashboard', 'actors', 'territory', 'imports', 'admin'];
    expect(MODULES.map((m) => m.id).filter((id) => foundation.includes(id))).toEqual(foundation);
  });
  it('has consistent modules (ids = folders, unique routes, prefixed keys)', () => {
    expect(validateModules(MODULE_ENTRIES)).toEqual([]);
  });
  it('reports clashes', () => {
    const m = MODULES[1];
    expect(validateModules([{ folder: 'actors', module: m }, { folder: 'other', module: { ...m } }]).length).toBeGreaterThan(0);
  });
});

const FOUNDATION = ['dashboard', 'actors', 'territory', 'imports', 'admin'];

describe('permissions and navigation', () => {
  const pole = (role: UserPole['role']): UserPole => ({ id: 1, slug: 'seignanx', name: 'Seignanx', kind: 'ptce', role });
  const user = (p: UserPole, platform_admin = false): User => ({ id: 1, email: 'a@b.c', name: 'A', platform_admin, poles: [p] });
  const visible = (p: UserPole, u = user(p)) => navEntries(MODULES, (perm) => can(u, p, perm)).map((e) => e.module.id);

  it('follows data/roles.json', () => {
    expect(permissionsOf('admin')).toContain('users.manage');
    // The foundation's permissions of an observer; modules may add read permissions.
    expect(permissionsOf('observer').filter((p) => !p.includes('.read') || p === 'pole.read')).toEqual(['pole.read']);
    expect(permissionsOf('nobody')).toEqual([]);
  });
  it('shows each role its entries', () => {
    // The foundation's entries, in order; the modules' entries fall between them.
    const foundation = (role: UserPole['role']) => visible(pole(role)).filter((id) => FOUNDATION.includes(id));
    expect(foundation('admin')).toEqual(['dashboard', 'actors', 'territory', 'imports', 'admin']);
    expect(foundation('coordinator')).toEqual(['dashboard', 'actors', 'territory', 'imports']);
    expect(foundation('observer')).toEqual(['dashboard', 'actors', 'territory']);
    for (const role of ['admin', 'coordinator', 'counsellor', 'member', 'observer'] as const)
      for (const id of visible(pole(role))) {
        const entry = MODULES.find((m) => m.id === id)!.nav!;
        expect(!entry.permission || permissionsOf(role).includes(entry.permission)).toBe(true);
      }
  });
  it('lets a platform admin do everything and nobody without a pole do anything', () => {
    const p = pole(null);
    expect(can(user(p, true), p, 'users.manage')).toBe(true);
    expect(can(user(p), p, 'pole.read')).toBe(false);
    expect(can(null, p, 'pole.read')).toBe(false);
    expect(can(null, p, undefined)).toBe(true);
  });
  it('prefers permissions sent by the server', () => {
    const p = { ...pole('observer'), permissions: ['pole.read', 'imports.run'] };
    expect(can(user(p), p, 'imports.run')).toBe(true);
  });
});
