// Small DSFR building blocks shared by pages.
import { h, nextId, type Child } from '../app/h';
import { t } from '../app/i18n';

/** The page heading; focused after each navigation so screen readers announce the page. */
export function pageTitle(text: string, ...after: Child[]): HTMLElement {
  return h('div', { class: 'mai-page-head' }, h('h1', { tabindex: '-1', 'data-page-title': '' }, text), ...after);
}

export function breadcrumb(items: Array<{ label: string; href?: string }>): HTMLElement {
  const id = `breadcrumb-${Math.random().toString(36).slice(2, 8)}`;
  return h('nav', { role: 'navigation', class: 'fr-breadcrumb', 'aria-label': t('shell.breadcrumb_label') },
    h('button', { class: 'fr-breadcrumb__button', 'aria-expanded': 'false', 'aria-controls': id }, t('shell.breadcrumb_show')),
    h('div', { class: 'fr-collapse', id },
      h('ol', { class: 'fr-breadcrumb__list' },
        items.map((it, i) => h('li', null, it.href && i < items.length - 1
          ? h('a', { class: 'fr-breadcrumb__link', href: it.href }, it.label)
          : h('a', { class: 'fr-breadcrumb__link', 'aria-current': 'page' }, it.label))))));
}

export function loading(): HTMLElement {
  return h('p', { class: 'mai-loading', role: 'status' }, t('shell.loading'));
}

export function notice(text: string, kind: 'info' | 'success' | 'warning' = 'info'): HTMLElement {
  return h('div', { class: `fr-alert fr-alert--${kind} fr-alert--sm fr-mb-3w`, role: kind === 'info' ? undefined : 'status' }, h('p', null, text));
}

export interface Column<T> {
  header: string;
  cell: (row: T) => Child;
  numeric?: boolean;
}

/**
 * A DSFR table with a caption (visible or not). On narrow screens the table scrolls
 * sideways: its container is then a named, focusable region so that keyboard users can
 * scroll it too.
 */
export function table<T>(caption: string, columns: Column<T>[], rows: T[], options: { hideCaption?: boolean } = {}): HTMLElement {
  const captionId = nextId('caption');
  return h('div', { class: 'fr-table fr-table--multiline' },
    h('div', { class: 'fr-table__wrapper' },
      h('div', { class: 'fr-table__container', role: 'region', 'aria-labelledby': captionId, tabindex: '0' },
        h('div', { class: 'fr-table__content' },
          h('table', null,
            h('caption', { id: captionId, class: options.hideCaption ? 'fr-sr-only' : undefined }, caption),
            h('thead', null, h('tr', null, columns.map((c) => h('th', { scope: 'col', class: c.numeric ? 'mai-num' : undefined }, c.header)))),
            h('tbody', null, rows.map((r) => h('tr', null, columns.map((c) => h('td', { class: c.numeric ? 'mai-num' : undefined }, c.cell(r)))))))))));
}

/** DSFR pagination; `hrefFor(page)` builds each page's link. */
export function pagination(page: number, pages: number, hrefFor: (page: number) => string): HTMLElement | null {
  if (pages <= 1) return null;
  const link = (p: number, label: string, cls: string, current = false) =>
    p < 1 || p > pages
      ? h('a', { class: `fr-pagination__link ${cls}`, 'aria-disabled': 'true', role: 'link' }, label)
      : h('a', { class: `fr-pagination__link ${cls}`, href: hrefFor(p), 'aria-current': current ? 'page' : undefined, title: current ? undefined : t('shell.pagination_page', { page: p }) }, label);
  const numbers: Child[] = [];
  const from = Math.max(1, page - 2);
  const to = Math.min(pages, page + 2);
  for (let p = from; p <= to; p++) numbers.push(h('li', null, link(p, String(p), '', p === page)));
  return h('nav', { role: 'navigation', class: 'fr-pagination fr-mt-3w', 'aria-label': t('shell.pagination_label') },
    h('ul', { class: 'fr-pagination__list' },
      h('li', null, link(page - 1, t('shell.pagination_previous'), 'fr-pagination__link--prev fr-pagination__link--lg-label')),
      numbers,
      h('li', null, link(page + 1, t('shell.pagination_next'), 'fr-pagination__link--next fr-pagination__link--lg-label'))));
}

export function tag(text: string): HTMLElement {
  return h('p', { class: 'fr-tag fr-tag--sm' }, text);
}

/** A definition list of label/value pairs, skipping empty values. */
export function details(rows: Array<[string, Child]>): HTMLElement {
  return h('dl', { class: 'mai-details' },
    rows.filter(([, v]) => v !== '' && v !== null && v !== undefined && v !== false)
      .map(([k, v]) => [h('dt', null, k), h('dd', null, v)]));
}
