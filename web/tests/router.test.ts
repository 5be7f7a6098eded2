import { describe, expect, it } from 'vitest';
import { compile, joinPath, normalizePath, RouteTable, shouldIntercept } from '../src/app/router';
import { buildRoutes, safeNext } from '../src/app/app';
import { MODULES } from '../src/modules/registry';

describe('paths', () => {
  it('normalizes', () => {
    expect(normalizePath('')).toBe('/');
    expect(normalizePath('/')).toBe('/');
    expect(normalizePath('p//seignanx/')).toBe('/p/seignanx');
    expect(joinPath('/p/seignanx', 'actors')).toBe('/p/seignanx/actors');
    expect(joinPath('/p/seignanx', '')).toBe('/p/seignanx');
    expect(joinPath('/p/:pole', 'actors/:id')).toBe('/p/:pole/actors/:id');
  });
});

describe('RouteTable', () => {
  const table = new RouteTable<string>()
    .add('/p/:pole', 'home')
    .add('/p/:pole/actors/:id', 'detail')
    .add('/p/:pole/actors/new', 'new')
    .add('/p/:pole/actors', 'list')
    .add('/p/:pole/*', 'pole-404')
    .add('/*', '404')
    .add('/', 'root');

  it('matches static before parameters whatever the order of declaration', () => {
    expect(table.match('/p/seignanx/actors/new')?.data).toBe('new');
    expect(table.match('/p/seignanx/actors/42')).toMatchObject({ data: 'detail', params: { pole: 'seignanx', id: '42' } });
  });
  it('accepts a trailing slash', () => {
    expect(table.match('/p/seignanx/')?.data).toBe('home');
    expect(table.match('/p/seignanx/actors/')?.data).toBe('list');
  });
  it('falls back to wildcards, the most specific first', () => {
    expect(table.match('/p/seignanx/nowhere/at/all')).toMatchObject({ data: 'pole-404', params: { pole: 'seignanx', rest: 'nowhere/at/all' } });
    expect(table.match('/elsewhere')?.data).toBe('404');
    expect(table.match('/')?.data).toBe('root');
  });
  it('decodes parameters and survives bad escapes', () => {
    expect(table.match('/p/p%C3%B4le/actors/1')?.params.pole).toBe('pôle');
    expect(table.match('/p/%E0%A4%A/actors/1')?.params.pole).toBe('%E0%A4%A');
  });
  it('ranks patterns', () => {
    expect(compile('/p/:pole', 0).score).toBeGreaterThan(compile('/p/:pole/*', 0).score);
    expect(compile('/p/:pole/actors', 0).score).toBeGreaterThan(compile('/p/:pole/:x', 0).score);
  });
});

describe('application routes', () => {
  const routes = buildRoutes(MODULES);
  it('routes every page of the foundation', () => {
    const cases: Array<[string, string]> = [
      ['/p/seignanx', 'dashboard'],
      ['/p/seignanx/actors', 'actors'],
      ['/p/seignanx/actors/new', 'actors'],
      ['/p/seignanx/actors/7', 'actors'],
      ['/p/seignanx/actors/7/edit', 'actors'],
      ['/p/seignanx/territory', 'territory'],
      ['/p/seignanx/territory/communes/40312', 'territory'],
      ['/p/seignanx/territory/epci/244000865', 'territory'],
      ['/p/seignanx/imports', 'imports'],
      ['/p/seignanx/admin/users', 'admin'],
    ];
    for (const [path, id] of cases) {
      const m = routes.match(path);
      expect(m?.data.kind, path).toBe('page');
      expect(m?.data.kind === 'page' && m.data.module.id, path).toBe(id);
    }
    expect(routes.match('/p/seignanx/actors/new')?.data).toMatchObject({ route: { path: 'actors/new' } });
    expect(routes.match('/login')?.data.kind).toBe('login');
    expect(routes.match('/')?.data.kind).toBe('home');
    expect(routes.match('/p/seignanx/unknown')?.data.kind).toBe('not-found');
  });
  it('only follows same-site paths after signing in', () => {
    expect(safeNext('/p/seignanx/actors?q=a')).toBe('/p/seignanx/actors?q=a');
    expect(safeNext('//evil.example/')).toBeNull();
    expect(safeNext('https://evil.example/')).toBeNull();
    expect(safeNext('/login')).toBeNull();
    expect(safeNext(null)).toBeNull();
  });
});

describe('link interception', () => {
  const origin = 'http://127.0.0.1:8080';
  const click = { button: 0, metaKey: false, ctrlKey: false, shiftKey: false, altKey: false, defaultPrevented: false };
  it('handles plain same-origin links', () => {
    expect(shouldIntercept({ href: `${origin}/p/seignanx/actors` }, click, origin)).toBe(true);
    expect(shouldIntercept({ href: '/p/seignanx' }, click, origin)).toBe(true);
  });
  it('leaves the browser alone otherwise', () => {
    expect(shouldIntercept({ href: 'https://example.org/' }, click, origin)).toBe(false);
    expect(shouldIntercept({ href: '/api/poles/seignanx/exports/actors?format=csv' }, click, origin)).toBe(false);
    expect(shouldIntercept({ href: '/p/x', target: '_blank' }, click, origin)).toBe(false);
    expect(shouldIntercept({ href: '/p/x', hasDownload: true }, click, origin)).toBe(false);
    expect(shouldIntercept({ href: '/p/x', rel: 'external noopener' }, click, origin)).toBe(false);
    expect(shouldIntercept({ href: '/p/x' }, { ...click, ctrlKey: true }, origin)).toBe(false);
    expect(shouldIntercept({ href: '/p/x' }, { ...click, button: 1 }, origin)).toBe(false);
    expect(shouldIntercept({ href: '/p/x' }, { ...click, defaultPrevented: true }, origin)).toBe(false);
  });
});

describe('current navigation entry', async () => {
  const { isCurrent } = await import('../src/app/shell');
  it('marks the section of the current path', () => {
    const home = '/p/seignanx';
    expect(isCurrent(home, '/p/seignanx', home)).toBe(true);
    expect(isCurrent(home, '/p/seignanx/actors', home)).toBe(false);
    expect(isCurrent('/p/seignanx/actors', '/p/seignanx/actors/12/edit', home)).toBe(true);
    expect(isCurrent('/p/seignanx/actors', '/p/seignanx/actorsx', home)).toBe(false);
  });
});
