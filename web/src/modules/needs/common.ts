// Helpers shared by the needs pages: the API's base path, labels of the observatory's
// enumerations, the module's own navigation, and running a long job with its progress.
import './needs.css';
import { h } from '../../app/h';
import { has, localized, t } from '../../app/i18n';
import { enumLabel, enumValues, loadEnums } from '../../app/enums';
import { formatNumber, formatPercent } from '../../app/format';
import type { ViewContext } from '../../app/nav';
import type { EnumerationName, Job } from '../../app/types';
import { pollJob, progressRatio } from '../imports/poll';
import type { Taxonomy } from './types';

export type NeedsEnum = 'need_category' | 'intake_situation' | 'intake_age_band' | 'intake_coop_interest';

export function base(ctx: ViewContext): string {
  return `/api/poles/${encodeURIComponent(ctx.pole.slug)}/needs`;
}

export function label(name: NeedsEnum, code: string | null | undefined): string {
  return enumLabel(name as EnumerationName, code);
}

export function options(name: NeedsEnum): Array<{ value: string; label: string }> {
  return enumValues(name as EnumerationName).map((v) => ({ value: v.code, label: localized(v.label, v.code) }));
}

let taxonomy: Promise<Taxonomy> | null = null;
/** Categories, NAF sections, dimensions and indicators, loaded once with the enumerations. */
export function loadTaxonomy(ctx: ViewContext): Promise<Taxonomy> {
  taxonomy ??= Promise.all([loadEnums(), ctx.api.get<Taxonomy>(`${base(ctx)}/taxonomy`)]).then(([, tx]) => tx).catch((err) => {
    taxonomy = null;
    throw err;
  });
  return taxonomy;
}

export function sectionLabel(tx: Taxonomy, code: string): string {
  const s = tx.sections?.find((x) => x.code === code);
  return s ? `${code} — ${s.label}` : code;
}

export function codeLabel(tx: Taxonomy, kind: 'need' | 'sector', code: string): string {
  return kind === 'need' ? label('need_category', code) : sectionLabel(tx, code);
}

/** A count, or "fewer than N" when the server suppressed it. */
export function cellText(value: number | null | undefined, min: number): string {
  return value === null || value === undefined ? t('needs.suppressed', { min }) : formatNumber(value, undefined, 0);
}

export function ratioText(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `× ${formatNumber(value, undefined, 2)}`;
}

export function shareText(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : formatPercent(value);
}

const PAGES: Array<{ path: string; key: string; permission: string }> = [
  { path: 'needs', key: 'overview', permission: 'needs.read' },
  { path: 'needs/records', key: 'records', permission: 'needs.records.read' },
  { path: 'needs/catalogue', key: 'catalogue', permission: 'needs.read' },
  { path: 'needs/groups', key: 'groups', permission: 'needs.read' },
  { path: 'needs/diagnostic', key: 'diagnostic', permission: 'needs.read' },
  { path: 'needs/calls', key: 'calls', permission: 'needs.read' },
];

/** The observatory's sections, in the order of the flow: interview → catalogue → groups → diagnostic → call. */
export function needsNav(ctx: ViewContext, current: string): HTMLElement {
  return h('nav', { class: 'mai-needs-nav', 'aria-label': t('needs.sections') },
    h('ul', null, PAGES.filter((p) => ctx.can(p.permission)).map((p) =>
      h('li', null, h('a', {
        class: `fr-btn fr-btn--sm ${p.key === current ? '' : 'fr-btn--tertiary'}`,
        href: ctx.href(p.path), 'aria-current': p.key === current ? 'page' : undefined,
      }, t(`needs.section.${p.key}`))))));
}

/**
 * Starts a background job (POST `path`) and follows it in `out`: a progress bar, its stage
 * announced politely, then the result's figures. Resolves with the finished job.
 */
export async function runJob(ctx: ViewContext, path: string, out: HTMLElement, body?: Blob, contentType?: string): Promise<Job> {
  const bar = h('progress', { class: 'mai-progress', max: '100', 'aria-label': t('needs.job.progress') });
  const text = h('p', { class: 'fr-mb-1w', 'data-job-status': 'running' }, t('needs.job.queued'));
  const live = h('p', { class: 'fr-sr-only', 'aria-live': 'polite' });
  out.replaceChildren(text, bar, live);
  const started = body
    ? await ctx.api.upload<{ job_id: string }>(path, body, contentType ?? 'text/csv')
    : await ctx.api.post<{ job_id: string }>(path);
  let last = '';
  const job = await pollJob(() => ctx.api.get<Job>(`/api/jobs/${encodeURIComponent(started.job_id)}`, undefined, ctx.signal), {
    signal: ctx.signal,
    interval: 250,
    onUpdate(j) {
      const ratio = progressRatio(j);
      if (ratio === null) bar.removeAttribute('value');
      else bar.value = Math.round(ratio * 100);
      const stage = j.progress?.stage ? (has(`needs.stage.${j.progress.stage}`) ? t(`needs.stage.${j.progress.stage}`) : j.progress.stage) : '';
      const line = [t(`needs.job.${j.status}`), stage, ratio !== null ? formatPercent(ratio) : ''].filter(Boolean).join(' — ');
      text.textContent = line;
      if (`${j.status}|${stage}` !== last) live.textContent = line;
      last = `${j.status}|${stage}`;
    },
  });
  text.setAttribute('data-job-status', job.status);
  return job;
}

/** The figures of a job's result as a definition list. */
export function resultList(result: unknown): HTMLElement {
  const entries = Object.entries((result && typeof result === 'object' ? result : {}) as Record<string, unknown>)
    .filter(([, v]) => typeof v === 'number');
  return h('dl', { class: 'mai-details' }, entries.map(([k, v]) => [
    h('dt', null, has(`needs.result.${k}`) ? t(`needs.result.${k}`) : k),
    h('dd', null, formatNumber(v as number, undefined, 0))]));
}

export function figure(value: string, text: string): HTMLElement {
  return h('div', { class: 'mai-figure' }, h('p', { class: 'mai-figure__value' }, value), h('p', { class: 'mai-figure__label' }, text));
}
