// A drafted call: the document as it will read (the HTML rendering the PDF is made from), its
// editable texts and budget, its exports, and the need groups that justify it.
import { h } from '../../app/h';
import { t } from '../../app/i18n';
import { formatDateTime, formatNumber } from '../../app/format';
import type { ViewContext } from '../../app/nav';
import { clearErrors, errorAlert, inputField, selectField, showFormError, textareaField } from '../../components/forms';
import { breadcrumb, pageTitle, table } from '../../components/ui';
import { base, label, loadTaxonomy, needsNav } from './common';
import type { Call } from './types';

export default async function callView(ctx: ViewContext): Promise<Node> {
  await loadTaxonomy(ctx);
  const path = `${base(ctx)}/calls/${encodeURIComponent(ctx.params.id)}`;
  const call = await ctx.api.get<Call>(path, undefined, ctx.signal);
  const d = call.document;
  // The server forbids framing its responses (X-Frame-Options: DENY), so the document is fetched
  // and shown through srcdoc; the sandbox runs no script from it.
  const preview = h('iframe', { class: 'mai-doc-preview', sandbox: 'allow-same-origin', title: t('needs.call.preview_title'), style: 'width: 100%; height: 36rem' }) as HTMLIFrameElement;
  fetch(`${path}/export?format=html`, { credentials: 'same-origin', signal: ctx.signal })
    .then(async (res) => { if (res.ok) preview.srcdoc = await res.text(); })
    .catch(() => undefined);
  const status = h('div', { 'aria-live': 'polite' });

  const edit = h('form', { novalidate: true },
    inputField({ name: 'title', label: t('needs.call.field_title'), value: d.title, required: true }),
    textareaField({ name: 'context', label: t('needs.call.field_context'), value: d.context, rows: 4 }),
    textareaField({ name: 'objective', label: t('needs.call.field_objective'), value: d.objective, rows: 3 }),
    textareaField({ name: 'eligibility', label: t('needs.call.field_eligibility'), value: d.eligibility, rows: 3 }),
    inputField({ name: 'budget', type: 'number', min: 0, step: '1000', label: t('needs.call_form.budget'), value: d.budget ?? '' }),
    inputField({ name: 'deadline', type: 'date', label: t('needs.call_form.deadline'), value: d.deadline ?? '' }),
    selectField({ name: 'status', label: t('needs.col.status'), value: call.status, options: [{ value: 'draft', label: t('needs.call.status_draft') }, { value: 'final', label: t('needs.call.status_final') }] }),
    h('button', { class: 'fr-btn fr-mt-2w', type: 'submit' }, t('needs.call.save')));
  edit.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(edit);
    const data = new FormData(edit);
    const value = (k: string) => String(data.get(k) ?? '');
    try {
      await ctx.api.put<Call>(path, {
        title: value('title').trim(), context: value('context'), objective: value('objective'), eligibility: value('eligibility'),
        budget: value('budget') ? Number(value('budget')) : undefined, deadline: value('deadline'), status: value('status'),
      });
      ctx.navigate(ctx.href(`needs/calls/${call.id}`), { replace: true });
    } catch (err) {
      showFormError(edit, err);
    }
  });

  const remove = h('button', {
    class: 'fr-btn fr-btn--tertiary fr-icon-delete-line fr-btn--icon-left', type: 'button',
    onclick: async () => {
      if (!window.confirm(t('needs.call.confirm_delete'))) return;
      try {
        await ctx.api.del(path);
        ctx.navigate(ctx.href('needs/calls'));
      } catch (err) {
        status.replaceChildren(errorAlert(err));
      }
    },
  }, t('needs.call.delete'));

  return h('div', null,
    breadcrumb([{ label: t('needs.nav'), href: ctx.href('needs') }, { label: t('needs.calls.title'), href: ctx.href('needs/calls') }, { label: d.title }]),
    pageTitle(d.title),
    needsNav(ctx, 'calls'),
    status,
    h('p', null, t(`needs.call.status_${call.status === 'final' ? 'final' : 'draft'}`), ' · ', t('needs.call.updated', { at: formatDateTime(call.updated_at) })),
    h('p', { class: 'mai-actions' },
      h('a', { class: 'fr-btn fr-icon-download-line fr-btn--icon-left', href: `${path}/export?format=pdf`, download: '' }, t('needs.call.export_pdf')),
      h('a', { class: 'fr-btn fr-btn--secondary', href: `${path}/export?format=html`, target: '_blank', rel: 'noopener' }, t('needs.call.export_html')),
      h('a', { class: 'fr-btn fr-btn--tertiary', href: `${path}/export?format=json`, download: '' }, t('needs.call.export_json')),
      ctx.can('needs.plan') ? remove : null),
    h('h2', { class: 'fr-h4' }, t('needs.call.evidence')),
    table(t('needs.call.evidence_caption'), [
      { header: t('needs.col.proposal'), cell: (g) => h('a', { href: ctx.href(`needs/groups/${g.id}`), 'data-call-group': g.id }, g.title) },
      { header: t('needs.col.records'), numeric: true, cell: (g) => formatNumber(g.size, undefined, 0) },
      { header: t('needs.col.categories'), cell: (g) => g.categories.map((c) => label('need_category', c)).join(', ') },
    ], d.groups),
    h('h2', { class: 'fr-h4 fr-mt-3w' }, t('needs.call.preview')),
    preview,
    ctx.can('needs.plan') ? [h('h2', { class: 'fr-h4 fr-mt-3w' }, t('needs.call.edit')), edit] : null);
}
