// One intake record: what the person said, and each code with why it is there (the words
// the rules matched, the interview's own coding, a counsellor's correction). A counsellor
// corrects a code here; the correction wins over the rules on every later run.
import { h, replace } from '../../app/h';
import { t } from '../../app/i18n';
import { formatDate } from '../../app/format';
import type { ViewContext } from '../../app/nav';
import { errorAlert, selectField } from '../../components/forms';
import { breadcrumb, details, pageTitle } from '../../components/ui';
import { base, codeLabel, label, loadTaxonomy, needsNav, options } from './common';
import type { IntakeRecord, RecordCode, Taxonomy } from './types';

function why(c: RecordCode): string {
  if (c.correction === 'add') return t('needs.code.added');
  if (c.correction === 'remove') return t('needs.code.removed');
  if (c.matched.length) return t('needs.code.matched', { words: c.matched.join(', ') });
  return c.declared ? t('needs.code.declared') : '';
}

export default async function recordView(ctx: ViewContext): Promise<Node> {
  const tx = await loadTaxonomy(ctx);
  const path = `${base(ctx)}/records/${encodeURIComponent(ctx.params.id)}`;
  let record = await ctx.api.get<IntakeRecord>(path, undefined, ctx.signal);
  const codesBox = h('div', { id: 'record-codes' });
  const status = h('div', { 'aria-live': 'polite' });

  const correct = async (kind: 'need' | 'sector', code: string, action: string) => {
    try {
      record = await ctx.api.put<IntakeRecord>(`${path}/codes`, { kind, code, action });
      drawCodes();
      status.replaceChildren(h('p', { class: 'fr-sr-only' }, t('needs.code.saved')));
    } catch (err) {
      status.replaceChildren(errorAlert(err));
    }
  };

  const codeList = (kind: 'need' | 'sector', txo: Taxonomy) => {
    const list = record.codes.filter((c) => c.kind === kind);
    if (!list.length) return h('p', null, t(kind === 'need' ? 'needs.record.no_needs' : 'needs.record.no_sectors'));
    return h('ul', { class: 'mai-codes' }, list.map((c) => h('li', { 'data-code': c.code, 'data-effective': String(c.effective) },
      h('p', { class: `fr-tag ${c.effective ? '' : 'mai-code--removed'}` }, codeLabel(txo, kind, c.code)),
      h('span', { class: 'mai-matched' }, ` ${why(c)} `),
      ctx.can('needs.records.write')
        ? c.correction
          ? h('button', { class: 'fr-btn fr-btn--sm fr-btn--tertiary-no-outline', type: 'button', onclick: () => correct(kind, c.code, 'reset'), 'aria-label': t('needs.code.reset_label', { code: codeLabel(txo, kind, c.code) }) }, t('needs.code.reset'))
          : c.effective
            ? h('button', { class: 'fr-btn fr-btn--sm fr-btn--tertiary-no-outline', type: 'button', onclick: () => correct(kind, c.code, 'remove'), 'aria-label': t('needs.code.remove_label', { code: codeLabel(txo, kind, c.code) }) }, t('needs.code.remove'))
            : null
        : null)));
  };

  const drawCodes = () => {
    const add = h('form', { class: 'fr-mt-2w' });
    if (ctx.can('needs.records.write')) {
      add.append(selectField({ name: 'code', label: t('needs.code.add_label'), empty: t('needs.code.choose'), options: options('need_category') }),
        h('button', { class: 'fr-btn fr-btn--sm fr-btn--secondary fr-mt-1w', type: 'submit' }, t('needs.code.add')));
      add.addEventListener('submit', (event) => {
        event.preventDefault();
        const code = String(new FormData(add).get('code') ?? '');
        if (code) void correct('need', code, 'add');
      });
    }
    replace(codesBox,
      h('h2', { class: 'fr-h5' }, t('needs.record.needs')), codeList('need', tx),
      h('h2', { class: 'fr-h5 fr-mt-3w' }, t('needs.record.sectors')), codeList('sector', tx),
      ctx.can('needs.records.write') ? add : null);
  };
  drawCodes();

  const remove = h('button', {
    class: 'fr-btn fr-btn--tertiary fr-icon-delete-line fr-btn--icon-left', type: 'button',
    onclick: async () => {
      if (!window.confirm(t('needs.record.confirm_delete', { id: record.record_id }))) return;
      try {
        await ctx.api.del(path);
        ctx.navigate(ctx.href('needs/records'));
      } catch (err) {
        status.replaceChildren(errorAlert(err));
      }
    },
  }, t('needs.record.delete'));

  return h('div', null,
    breadcrumb([{ label: t('needs.nav'), href: ctx.href('needs') }, { label: t('needs.records.title'), href: ctx.href('needs/records') }, { label: record.record_id }]),
    pageTitle(t('needs.record.heading', { id: record.record_id }),
      ctx.can('needs.records.write') ? h('div', { class: 'mai-actions' },
        h('a', { class: 'fr-btn fr-btn--secondary fr-icon-edit-line fr-btn--icon-left', href: ctx.href(`needs/records/${record.id}/edit`) }, t('needs.record.edit')), remove) : null),
    needsNav(ctx, 'records'),
    status,
    record.need_text ? [h('h2', { class: 'fr-h5' }, t('needs.field.need_text')), h('blockquote', { class: 'mai-quote', 'data-text': 'need' }, record.need_text)] : null,
    record.proposal_text ? [h('h2', { class: 'fr-h5' }, t('needs.field.proposal_text')), h('blockquote', { class: 'mai-quote', 'data-text': 'proposal' }, record.proposal_text)] : null,
    record.group_id ? h('p', null, h('a', { href: ctx.href(`needs/groups/${record.group_id}`), class: 'fr-link fr-icon-arrow-right-line fr-link--icon-right' }, t('needs.record.see_group'))) : null,
    codesBox,
    h('h2', { class: 'fr-h5 fr-mt-3w' }, t('needs.record.interview')),
    details([
      [t('needs.field.date'), formatDate(record.date)],
      [t('needs.field.centre'), record.centre ?? ''],
      [t('needs.field.counsellor'), record.counsellor ?? ''],
      [t('needs.field.commune'), record.commune_name ? `${record.commune_name} (${record.commune_code})` : record.commune_code ?? ''],
      [t('needs.field.person_key'), record.person_key ?? ''],
      [t('needs.field.age_band'), label('intake_age_band', record.age_band)],
      [t('needs.field.situation'), record.situation.map((s) => label('intake_situation', s)).join(', ')],
      [t('needs.field.coop_interest'), label('intake_coop_interest', record.coop_interest)],
      [t('needs.field.skills'), record.skills.join(', ')],
      [t('needs.field.language'), record.language.toUpperCase()],
    ]));
}
