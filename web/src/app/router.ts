// A small history-API router: patterns such as "/p/:pole/actors/:id", matched by specificity
// (a static segment beats a parameter, which beats a trailing "*"), and same-origin link
// interception so that <a href> works without a page load.

export type Params = Record<string, string>;

export interface Match<T> {
  data: T;
  params: Params;
  pattern: string;
}

interface Compiled<T> {
  pattern: string;
  regex: RegExp;
  keys: string[];
  score: number;
  data: T;
}

/** Normalises a path: one leading slash, no trailing slash (except "/"), no double slashes. */
export function normalizePath(path: string): string {
  const p = ('/' + path).replace(/\/{2,}/g, '/');
  return p.length > 1 && p.endsWith('/') ? p.slice(0, -1) : p;
}

/** Joins path pieces: joinPath("/p/seignanx", "actors") → "/p/seignanx/actors". */
export function joinPath(...parts: string[]): string {
  return normalizePath(parts.filter((p) => p !== '').join('/'));
}

export function compile<T>(pattern: string, data: T): Compiled<T> {
  const segments = normalizePath(pattern).split('/').filter(Boolean);
  const keys: string[] = [];
  let score = 0;
  let wildcard = false;
  const body = segments.map((seg) => {
    if (seg === '*') {
      keys.push('rest');
      wildcard = true;
      return '(?:/(.*))?';
    }
    if (seg.startsWith(':')) {
      keys.push(seg.slice(1));
      score += 3;
      return '/([^/]+)';
    }
    score += 4;
    return '/' + seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }).join('');
  // Static segments beat parameters, longer patterns beat shorter ones, and a trailing
  // wildcard loses to the same pattern without it.
  return { pattern, regex: new RegExp(`^${body || '/'}/?$`), keys, score: score * 100 + segments.length - (wildcard ? 2 : 0), data };
}

export class RouteTable<T> {
  private routes: Compiled<T>[] = [];

  add(pattern: string, data: T): this {
    this.routes.push(compile(pattern, data));
    this.routes.sort((a, b) => b.score - a.score);
    return this;
  }

  match(pathname: string): Match<T> | null {
    const path = normalizePath(pathname);
    for (const r of this.routes) {
      const m = r.regex.exec(path);
      if (!m) continue;
      const params: Params = {};
      r.keys.forEach((k, i) => {
        const raw = m[i + 1];
        if (raw !== undefined) params[k] = safeDecode(raw);
      });
      return { data: r.data, params, pattern: r.pattern };
    }
    return null;
  }

  patterns(): string[] {
    return this.routes.map((r) => r.pattern);
  }
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * Whether a click on a link should be handled by the router rather than the browser.
 * Kept free of DOM globals so it can be unit-tested.
 */
export function shouldIntercept(
  link: { href: string; target?: string; hasDownload?: boolean; rel?: string },
  event: { button: number; metaKey: boolean; ctrlKey: boolean; shiftKey: boolean; altKey: boolean; defaultPrevented: boolean },
  origin: string,
): boolean {
  if (event.defaultPrevented || event.button !== 0) return false;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return false;
  if ((link.target && link.target !== '_self') || link.hasDownload || /\bexternal\b/.test(link.rel ?? '')) return false;
  let url: URL;
  try {
    url = new URL(link.href, origin);
  } catch {
    return false;
  }
  if (url.origin !== origin) return false;
  if (url.pathname === '/api' || url.pathname.startsWith('/api/')) return false;
  return true;
}

export type RouteListener = (url: URL) => void;

/** Binds a listener to the browser's history. */
export class HistoryRouter {
  private listener: RouteListener;

  constructor(listener: RouteListener) {
    this.listener = listener;
  }

  start(): void {
    window.addEventListener('popstate', () => this.listener(new URL(location.href)));
    document.addEventListener('click', (event) => {
      const a = (event.target as Element | null)?.closest?.('a');
      if (!a || !a.getAttribute('href') || a.getAttribute('href')!.startsWith('#')) return;
      if (!shouldIntercept({ href: a.href, target: a.target, hasDownload: a.hasAttribute('download'), rel: a.rel }, event, location.origin)) return;
      event.preventDefault();
      this.navigate(a.href);
    });
    this.listener(new URL(location.href));
  }

  navigate(to: string, options: { replace?: boolean } = {}): void {
    const url = new URL(to, location.href);
    if (options.replace) history.replaceState(null, '', url);
    else if (url.href !== location.href) history.pushState(null, '', url);
    this.listener(url);
  }
}
