// Wires the shell, the router, the session and the modules together.
import { api, ApiError, errorTitle } from './api';
import { buildCatalogs } from './catalogs';
import { h, replace } from './h';
import { locale, onLocaleChange, setCatalogs, setLocale, t } from './i18n';
import { loginView } from './login';
import { navEntries, type AppModule, type ModuleRoute, type ViewContext } from './nav';
import { can } from './permissions';
import { HistoryRouter, joinPath, RouteTable } from './router';
import { createShell, type Shell } from './shell';
import { currentUser, findPole, forget, isLoaded, loadUser, logout, preferredLocale, rememberLocale, switchablePoles } from './session';
import type { UserPole } from './types';
import { MODULES } from '../modules/registry';
import { loading, pageTitle } from '../components/ui';

type Entry =
  | { kind: 'login' }
  | { kind: 'home' }
  | { kind: 'page'; module: AppModule; route: ModuleRoute }
  | { kind: 'not-found' };

export function buildRoutes(modules: AppModule[]): RouteTable<Entry> {
  const table = new RouteTable<Entry>();
  table.add('/login', { kind: 'login' });
  table.add('/', { kind: 'home' });
  table.add('/p', { kind: 'home' });
  for (const module of modules) {
    for (const route of module.routes) table.add(joinPath('/p/:pole', route.path), { kind: 'page', module, route });
  }
  table.add('/*', { kind: 'not-found' });
  return table;
}

export function startApp(root: HTMLElement): void {
  setCatalogs(buildCatalogs());
  const routes = buildRoutes(MODULES);
  let router: HistoryRouter;
  let controller: AbortController | null = null;
  let firstRender = true;
  let currentUrl = new URL(location.href);

  const shell: Shell = createShell(root, {
    onLocale(next) {
      rememberLocale(next);
      setLocale(next);
    },
    onPole(slug) {
      // Same page in the other pole when it is a pole-independent list; else the pole's home.
      const rest = currentUrl.pathname.replace(/^\/p\/[^/]+/, '');
      const section = rest.split('/').filter(Boolean)[0] ?? '';
      router.navigate(`/p/${encodeURIComponent(slug)}${section ? `/${section}` : ''}`);
    },
    async onLogout() {
      await logout().catch(() => undefined);
      router.navigate('/login');
    },
  });

  api.onUnauthorized = () => {
    if (currentUser() && !currentUrl.pathname.startsWith('/login')) {
      forget();
      router.navigate(`/login?next=${encodeURIComponent(currentUrl.pathname + currentUrl.search)}`, { replace: true });
    }
  };

  onLocaleChange(() => void render(currentUrl, { keepFocus: true }));

  async function render(url: URL, options: { keepFocus?: boolean } = {}): Promise<void> {
    currentUrl = url;
    controller?.abort();
    const ctl = (controller = new AbortController());
    const stale = () => ctl.signal.aborted;

    // Start loading the page's code while the session is checked.
    const early = routes.match(url.pathname)?.data;
    if (early?.kind === 'page') void early.route.load().catch(() => undefined);

    try {
      if (!isLoaded()) {
        await loadUser();
        setLocale(preferredLocale());
        document.documentElement.lang = locale();
      }
    } catch (err) {
      showError(err);
      return;
    }
    if (stale()) return;
    const user = currentUser();
    const match = routes.match(url.pathname);
    const entry: Entry = match?.data ?? { kind: 'not-found' };

    if (entry.kind === 'login') {
      if (user) return router.navigate(safeNext(url.searchParams.get('next')) ?? '/', { replace: true });
      update(null, [], url);
      finish(loginView(() => {
        setLocale(preferredLocale());
        router.navigate(safeNext(url.searchParams.get('next')) ?? '/', { replace: true });
      }), t('login.title'));
      return;
    }
    if (!user) {
      router.navigate(`/login${url.pathname !== '/' ? `?next=${encodeURIComponent(url.pathname + url.search)}` : ''}`, { replace: true });
      return;
    }
    const poles = await switchablePoles();
    if (stale()) return;

    if (entry.kind === 'home') {
      if (poles.length) return router.navigate(`/p/${poles[0].slug}`, { replace: true });
      update(null, poles, url);
      finish(h('div', null, pageTitle(t('shell.no_pole_title')), h('p', null, t('shell.no_pole_text'))), t('shell.no_pole_title'));
      return;
    }
    if (entry.kind === 'not-found') {
      const pole = match?.params.pole ? await findPole(match.params.pole) : undefined;
      update(pole ?? null, poles, url);
      finish(notFound(pole), t('shell.not_found_title'));
      return;
    }

    const pole = await findPole(match!.params.pole);
    if (stale()) return;
    if (!pole) {
      update(null, poles, url);
      finish(h('div', null, pageTitle(t('shell.pole_unknown_title')), h('p', null, t('shell.pole_unknown_text', { pole: match!.params.pole })),
        h('p', null, h('a', { class: 'fr-link', href: '/' }, t('shell.back_home')))), t('shell.pole_unknown_title'));
      return;
    }
    // Canonical URL uses the slug.
    if (match!.params.pole !== pole.slug) {
      return router.navigate(url.pathname.replace(/^\/p\/[^/]+/, `/p/${pole.slug}`) + url.search, { replace: true });
    }
    update(pole, poles, url);
    if (!can(user, pole, entry.route.permission)) {
      finish(h('div', null, pageTitle(t('shell.forbidden_title')), h('p', null, t('shell.forbidden_text'))), t('shell.forbidden_title'), pole);
      return;
    }

    replace(shell.main, loading());
    let title = t(entry.route.titleKey);
    const base = `/p/${pole.slug}`;
    const ctx: ViewContext = {
      params: match!.params,
      query: url.searchParams,
      url,
      user,
      pole,
      base,
      href: (path = '') => (path ? joinPath(base, path) : base),
      can: (permission) => can(user, pole, permission),
      navigate: (to, o) => router.navigate(to, o),
      setTitle: (text) => {
        title = text;
        if (!stale()) document.title = fullTitle(text, pole);
      },
      api,
      signal: ctl.signal,
    };
    try {
      const view = (await entry.route.load()).default;
      const node = await view(ctx);
      if (stale()) return;
      finish(node, title, pole);
    } catch (err) {
      if (stale() || (err instanceof DOMException && err.name === 'AbortError')) return;
      if (err instanceof ApiError && err.code === 'unauthorized') return;
      showError(err, pole);
    }

    function finish(node: Node, pageName: string, p?: UserPole): void {
      replace(shell.main, node);
      document.title = fullTitle(pageName, p);
      // For bench/web: when the first page is on screen.
      if (firstRender) performance.mark('maillage:first-page');
      if (!firstRender && !options.keepFocus) {
        const heading = shell.main.querySelector<HTMLElement>('[data-page-title]') ?? shell.main;
        heading.focus();
      }
      firstRender = false;
    }
    function update(pole: UserPole | null, list: UserPole[], u: URL): void {
      const allowed = (perm?: string) => can(user, pole, perm);
      shell.update({ user, pole, poles: list, nav: pole ? navEntries(MODULES, allowed) : [], path: u.pathname });
    }
    function showError(err: unknown, p?: UserPole): void {
      const message = err instanceof Error ? err.message : String(err);
      finish(h('div', null, pageTitle(errorTitle(err, t)), message ? h('p', null, message) : null,
        h('p', null, h('a', { class: 'fr-link', href: p ? `/p/${p.slug}` : '/' }, t('shell.back_home')))), errorTitle(err, t), p);
    }
    function notFound(p?: UserPole): HTMLElement {
      return h('div', null, pageTitle(t('shell.not_found_title')), h('p', null, t('shell.not_found_text')),
        h('p', null, h('a', { class: 'fr-link', href: p ? `/p/${p.slug}` : '/' }, t('shell.back_home'))));
    }
  }

  router = new HistoryRouter((url) => void render(url));
  router.start();
}

function fullTitle(page: string, pole?: UserPole | null): string {
  return [page, pole?.name, 'Maillage'].filter(Boolean).join(' — ');
}

/** Only same-site paths are accepted as a place to go after signing in. */
export function safeNext(next: string | null): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/login')) return null;
  return next;
}
