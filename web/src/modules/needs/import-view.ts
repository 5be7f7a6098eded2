// Importing intake records (CSV, XLSX, JSON or JSON Lines): all or nothing, with every bad
// line listed; then the records are coded, and the counsellor can group the proposals.
import { h } from '../../app/h';
import { ApiError, errorFromJob } from '../../app/api';
import { t } from '../../app/i18n';
import { formatNumber } from '../../app/format';
import type { ViewContext } from '../../app/nav';
import { errorAlert } from '../../components/forms';
import { breadcrumb, pageTitle, table } from '../../components/ui';
import { base, resultList, runJob } from './common';

const TYPES: Record<string, string> = {
  csv: 'text/csv', tsv: 'text/csv', txt: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json', jsonl: 'application/x-ndjson', ndjson: 'application/x-ndjson',
};

export function importContentType(name: string): string | null {
  return TYPES[name.toLowerCase().split('.').pop() ?? ''] ?? null;
}

function rejected(err: unknown): HTMLElement {
  const problems = err instanceof ApiError ? err.problems ?? [] : [];
  if (!problems.length) return errorAlert(err);
  return h('div', { 'data-import-result': 'rejected', tabindex: '-1' },
    h('div', { class: 'fr-alert fr-alert--error fr-mb-3w' },
      h('h2', { class: 'fr-alert__title fr-h6' }, t('needs.import.rejected')),
      h('p', null, t('needs.import.rejected_text', { count: problems.length }))),
    table(t('needs.import.problems', { count: problems.length }), [
      { header: t('needs.import.col_line'), numeric: true, cell: (p) => formatNumber(p.line, undefined, 0) },
      { header: t('needs.import.col_field'), cell: (p) => (p.field ? h('code', null, p.field) : '') },
      { header: t('needs.import.col_reason'), cell: (p) => p.reason },
    ], problems));
}

export default function importView(ctx: ViewContext): Node {
  const out = h('div', { class: 'fr-mt-3w', id: 'import-status' });
  const input = h('input', { class: 'fr-upload', type: 'file', id: 'needs-import-file', name: 'file', accept: '.csv,.tsv,.txt,.xlsx,.json,.jsonl,.ndjson', 'aria-describedby': 'needs-import-hint' });
  const form = h('form', { novalidate: true },
    h('div', { class: 'fr-upload-group', 'data-field': 'file' },
      h('label', { class: 'fr-label', for: 'needs-import-file' }, t('needs.import.file'),
        h('span', { class: 'fr-hint-text', id: 'needs-import-hint' }, t('needs.import.file_hint'))),
      input),
    h('button', { class: 'fr-btn fr-icon-upload-line fr-btn--icon-left fr-mt-2w', type: 'submit' }, t('needs.import.submit')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const file = input.files?.[0];
    const type = file ? importContentType(file.name) : null;
    if (!file || !type) {
      out.replaceChildren(errorAlert(new ApiError(400, 'invalid_input', ''), t(file ? 'needs.import.bad_type' : 'needs.import.no_file')));
      input.focus();
      return;
    }
    try {
      const job = await runJob(ctx, `${base(ctx)}/imports`, out, file, type);
      if (job.status === 'succeeded') {
        out.append(h('div', { class: 'fr-alert fr-alert--success fr-mt-2w', 'data-import-result': 'succeeded', tabindex: '-1' },
          h('h2', { class: 'fr-alert__title fr-h6' }, t('needs.import.succeeded')), resultList(job.result),
          h('p', null, h('a', { href: ctx.href('needs/records') }, t('needs.import.see_records')), ' · ',
            h('a', { href: ctx.href('needs/groups') }, t('needs.import.then_group')))));
      } else {
        out.append(rejected(errorFromJob(job.error)));
      }
      out.querySelector<HTMLElement>('[data-import-result]')?.focus();
    } catch (err) {
      out.append(rejected(err));
    }
  });
  return h('div', null,
    breadcrumb([{ label: t('needs.nav'), href: ctx.href('needs') }, { label: t('needs.records.title'), href: ctx.href('needs/records') }, { label: t('needs.import.title') }]),
    pageTitle(t('needs.import.title')),
    h('div', { class: 'fr-callout fr-mb-4w' },
      h('h2', { class: 'fr-callout__title fr-h6' }, t('needs.import.format_title')),
      h('p', { class: 'fr-callout__text fr-text--sm' }, t('needs.import.format_text')),
      h('p', { class: 'fr-text--sm' }, h('code', null, 'record_id;date;centre;commune_code;person_key;age_band;situation;need_text;proposal_text;coop_interest;sectors')),
      h('p', { class: 'fr-text--sm fr-mb-0' }, t('needs.import.optional'), ' ', h('code', null, 'counsellor, need_codes, skills, language'))),
    form,
    out);
}
