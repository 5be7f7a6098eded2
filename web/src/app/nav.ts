// The module registry. Each module (src/modules/<id>/index.ts) default-exports an AppModule:
// its navigation entry, its routes (lazy-loaded views) and, beside it, its catalogs in
// src/modules/<id>/i18n/{fr,it,en}.json. Modules are discovered at build time: adding a folder
// is all it takes (docs/web.md, "Adding a module").
import type { ApiClient } from './api';
import type { Permission } from './permissions';
import type { Params } from './router';
import type { User, UserPole } from './types';

export interface ViewContext {
  /** Route parameters (":id" → params.id); `pole` is the pole's slug. */
  params: Params;
  query: URLSearchParams;
  url: URL;
  user: User;
  pole: UserPole;
  /** The pole's base path, e.g. "/p/seignanx". */
  base: string;
  /** A path inside the pole: ctx.href("actors/12") → "/p/seignanx/actors/12". */
  href(path?: string): string;
  can(permission: Permission): boolean;
  navigate(to: string, options?: { replace?: boolean }): void;
  /** Sets the page title (before " — pole — Maillage"). */
  setTitle(title: string): void;
  api: ApiClient;
  /** Aborted when the user navigates away. */
  signal: AbortSignal;
}

export type View = (ctx: ViewContext) => Node | Promise<Node>;

export interface ModuleRoute {
  /** Path inside the pole ("" for the pole's home, "actors/:id"). */
  path: string;
  /** Catalog key of the page title. */
  titleKey: string;
  /** Permission required in the pole (data/roles.json), if any. */
  permission?: Permission;
  /** Loads the view lazily, so each page's code is its own chunk. */
  load: () => Promise<{ default: View }>;
}

export interface NavEntry {
  /** Path inside the pole the entry links to. */
  path: string;
  permission?: Permission;
}

export interface AppModule {
  /** Folder name and catalog prefix: "actors" → keys "actors.*". */
  id: string;
  /** Catalog key of the navigation label. */
  navLabelKey: string;
  /** Position in the navigation (lower first). */
  order: number;
  /** Navigation entry; omit for modules without one. */
  nav?: NavEntry;
  routes: ModuleRoute[];
}

/** Identity helper that type-checks a module definition. */
export function defineModule(module: AppModule): AppModule {
  return module;
}

/** Checks a set of modules: unique ids, ids matching folders, routes unique. Returns problems. */
export function validateModules(modules: Array<{ folder: string; module: AppModule }>): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  const paths = new Map<string, string>();
  for (const { folder, module } of modules) {
    if (module.id !== folder) problems.push(`module in folder "${folder}" has id "${module.id}"`);
    if (ids.has(module.id)) problems.push(`duplicate module id "${module.id}"`);
    ids.add(module.id);
    if (!module.navLabelKey.startsWith(`${module.id}.`)) problems.push(`${module.id}: navLabelKey should start with "${module.id}."`);
    for (const r of module.routes) {
      const key = r.path.replace(/:[^/]+/g, ':');
      const other = paths.get(key);
      if (other) problems.push(`route "${r.path}" of ${module.id} clashes with ${other}`);
      paths.set(key, module.id);
    }
  }
  return problems;
}

/** Sorted navigation entries the user may see in a pole. */
export function navEntries(modules: AppModule[], allowed: (permission?: Permission) => boolean): Array<{ module: AppModule; entry: NavEntry }> {
  return modules
    .filter((m) => m.nav && allowed(m.nav.permission))
    .sort((a, b) => a.order - b.order)
    .map((m) => ({ module: m, entry: m.nav! }));
}
