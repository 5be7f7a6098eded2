// Importing actors from a CSV or XLSX file: POST the file → 202 { job_id } → follow
// GET /api/jobs/{id} (progress) → the result, or the list of problems line by line.
import { h } from '../../app/h';
import { ApiError, errorFromJob } from '../../app/api';
import { has, t } from '../../app/i18n';
import { formatNumber, formatPercent } from '../../app/format';
import type { ViewContext } from '../../app/nav';
import type { Job } from '../../app/types';
import { errorAlert } from '../../components/forms';
import { details, pageTitle, table } from '../../components/ui';
import { contentTypeFor, pollJob, progressRatio } from './poll';

export default function importView(ctx: ViewContext): Node {
  const pole = encodeURIComponent(ctx.pole.slug);
  const jobId = ctx.query.get('job');
  const out = h('div', { class: 'fr-mt-4w', id: 'import-status' });

  const input = h('input', { class: 'fr-upload', type: 'file', id: 'import-file', name: 'file', accept: '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'aria-describedby': 'import-file-hint' });
  const group = h('div', { class: 'fr-upload-group', 'data-field': 'file' },
    h('label', { class: 'fr-label', for: 'import-file' }, t('imports.file'),
      h('span', { class: 'fr-hint-text', id: 'import-file-hint' }, t('imports.file_hint'))),
    input);
  const form = h('form', { novalidate: true },
    group,
    h('button', { class: 'fr-btn fr-icon-upload-line fr-btn--icon-left fr-mt-2w', type: 'submit' }, t('imports.submit')));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    out.replaceChildren();
    const file = input.files?.[0];
    const type = file ? contentTypeFor(file.name) : null;
    if (!file || !type) {
      out.append(errorAlert(new ApiError(400, file ? 'unsupported_media_type' : 'invalid_input', ''), file ? t('imports.bad_type') : t('imports.no_file')));
      input.focus();
      return;
    }
    try {
      const res = await ctx.api.upload<{ job_id: number | string }>(`/api/poles/${pole}/imports/actors`, file, type);
      ctx.navigate(ctx.href('imports') + `?job=${encodeURIComponent(String(res.job_id))}`, { replace: true });
    } catch (err) {
      out.append(problemsOrError(err));
    }
  });

  if (jobId) void follow(ctx, jobId, out);

  return h('div', null,
    pageTitle(t('imports.title')),
    h('p', { class: 'fr-text--lead' }, t('imports.intro', { pole: ctx.pole.name })),
    h('div', { class: 'fr-callout fr-mb-4w' },
      h('h2', { class: 'fr-callout__title fr-h6' }, t('imports.format_title')),
      h('p', { class: 'fr-callout__text fr-text--sm' }, t('imports.format_text')),
      h('p', { class: 'fr-text--sm' }, h('code', null, 'name,kind,legal_form,siret,rna,naf,commune,address,email,phone,website,headcount,fte')),
      ctx.can('exports.run') ? h('p', { class: 'fr-mb-0' }, h('a', { class: 'fr-link fr-icon-download-line fr-link--icon-left', href: `/api/poles/${pole}/exports/actors?format=csv`, download: '' }, t('imports.export_current'))) : null),
    form,
    out);
}

async function follow(ctx: ViewContext, jobId: string, out: HTMLElement): Promise<void> {
  const bar = h('progress', { class: 'mai-progress', max: '100', id: 'import-progress', 'aria-labelledby': 'import-progress-label' });
  const label = h('p', { id: 'import-progress-label', class: 'fr-mb-1w' }, t('imports.status.queued'));
  const live = h('p', { class: 'fr-sr-only', 'aria-live': 'polite' });
  out.replaceChildren(h('h2', { class: 'fr-h4' }, t('imports.progress_title')), label, bar, live);
  let lastAnnounced = '';
  try {
    const job = await pollJob(() => ctx.api.get<Job>(`/api/jobs/${encodeURIComponent(jobId)}`, undefined, ctx.signal), {
      signal: ctx.signal,
      onUpdate(j) {
        const ratio = progressRatio(j);
        if (ratio === null) bar.removeAttribute('value');
        else bar.value = Math.round(ratio * 100);
        const stage = j.progress?.stage ? (has(`imports.stage.${j.progress.stage}`) ? t(`imports.stage.${j.progress.stage}`) : j.progress.stage) : '';
        const text = [t(`imports.status.${j.status}`), stage,
          j.progress && j.progress.total ? t('imports.progress_counts', { done: j.progress.done, total: j.progress.total }) : '',
          ratio !== null ? formatPercent(ratio) : ''].filter(Boolean).join(' — ');
        label.textContent = text;
        // Announce stage changes, not every tick.
        const key = `${j.status}|${stage}`;
        if (key !== lastAnnounced) {
          live.textContent = text;
          lastAnnounced = key;
        }
      },
    });
    out.append(job.status === 'succeeded' ? success(ctx, job) : problemsOrError(errorFromJob(job.error)));
    out.querySelector<HTMLElement>('[data-import-result]')?.focus();
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') return;
    out.append(errorAlert(err));
  }
}

function success(ctx: ViewContext, job: Job): HTMLElement {
  const result = (job.result && typeof job.result === 'object' ? job.result : {}) as Record<string, unknown>;
  const rows: Array<[string, string]> = Object.entries(result)
    .filter(([, v]) => typeof v === 'number' || typeof v === 'string')
    .map(([k, v]) => [has(`imports.result.${k}`) ? t(`imports.result.${k}`) : k, typeof v === 'number' ? formatNumber(v) : String(v)]);
  return h('div', { class: 'fr-alert fr-alert--success fr-mt-3w', 'data-import-result': 'succeeded', tabindex: '-1' },
    h('h3', { class: 'fr-alert__title' }, t('imports.succeeded')),
    rows.length ? details(rows) : null,
    h('p', null, h('a', { href: ctx.href('actors') }, t('imports.see_actors'))));
}

function problemsOrError(err: unknown): HTMLElement {
  const problems = err instanceof ApiError ? err.problems ?? [] : [];
  if (!problems.length) {
    const box = errorAlert(err);
    box.setAttribute('data-import-result', 'failed');
    box.setAttribute('tabindex', '-1');
    return box;
  }
  const lines = new Set(problems.map((p) => p.line)).size;
  return h('div', { class: 'fr-mt-3w', 'data-import-result': 'rejected', tabindex: '-1' },
    h('div', { class: 'fr-alert fr-alert--error fr-mb-3w' },
      h('h3', { class: 'fr-alert__title' }, t('imports.rejected')),
      h('p', null, t('imports.rejected_text', { count: problems.length, lines }))),
    table(t('imports.problems_caption', { count: problems.length }), [
      { header: t('imports.col.line'), numeric: true, cell: (p) => formatNumber(p.line) },
      { header: t('imports.col.field'), cell: (p) => (p.field ? h('code', null, p.field) : '') },
      { header: t('imports.col.reason'), cell: (p) => p.reason },
    ], [...problems].sort((a, b) => a.line - b.line)));
}
