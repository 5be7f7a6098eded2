// What the pathways pages share: API paths, labels of the module's enumerations, tags and
// the tabs between the module's pages.
import { h } from '../../app/h';
import { has, localized, t } from '../../app/i18n';
import { enumLabel, enumValues } from '../../app/enums';
import { formatDate } from '../../app/format';
import type { ViewContext } from '../../app/nav';
import type { EnumerationName } from '../../app/types';
import type { Label, Template } from './types';
import './pathways.css';

export function apiBase(ctx: ViewContext): string {
  return `/api/poles/${encodeURIComponent(ctx.pole.slug)}/pathways`;
}

/** Label of a code of one of the module's enumerations (pathway_stage, pathway_subject…). */
export function label(enumeration: string, code: string | null | undefined): string {
  return enumLabel(enumeration as EnumerationName, code);
}

export function values(enumeration: string): Array<{ value: string; label: string; parent: string | null }> {
  return enumValues(enumeration as EnumerationName).map((v) => ({ value: v.code, label: localized(v.label, v.code), parent: v.parent ?? null }));
}

export function text(l: Label | null | undefined): string {
  return localized(l ?? undefined, '');
}

/** A step's label from its template, or its code. */
export function stepLabel(template: Template | undefined, step: string): string {
  const s = template?.steps.find((x) => x.code === step);
  return s ? text(s.label) : step;
}

export function statusTag(status: string): HTMLElement {
  return h('span', { class: `mai-status mai-status--${status}` }, t(`pathways.status.${status}`));
}

export function date(value: string | null | undefined): string {
  return value ? formatDate(value) : '';
}

/** A translated code from the module's own catalog, or the code itself. */
export function keyed(prefix: string, code: string): string {
  const key = `pathways.${prefix}.${code}`;
  return has(key) ? t(key) : code;
}

export function tabs(ctx: ViewContext, current: 'kanban' | 'dashboard' | 'mentors' | 'templates'): HTMLElement {
  const entries: Array<[typeof current, string, string]> = [
    ['kanban', 'pathways', t('pathways.tabs.kanban')],
    ['dashboard', 'pathways/dashboard', t('pathways.tabs.dashboard')],
    ['mentors', 'pathways/mentors', t('pathways.tabs.mentors')],
    ['templates', 'pathways/templates', t('pathways.tabs.templates')],
  ];
  return h('nav', { class: 'mai-pw-tabs fr-mb-3w', 'aria-label': t('pathways.tabs.label') },
    h('ul', null, entries.map(([id, path, name]) =>
      h('li', null, h('a', { class: 'fr-link', href: ctx.href(path), 'aria-current': id === current ? 'page' : undefined }, name)))));
}

/** Today as YYYY-MM-DD in the browser's time zone. */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
