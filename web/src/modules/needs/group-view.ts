// One proposal group: its representative proposal, where its records come from, their
// needs; for counsellors, the records themselves, to split off those that say something
// else, and a title of their own.
import { h } from '../../app/h';
import { t } from '../../app/i18n';
import { formatNumber } from '../../app/format';
import type { ViewContext } from '../../app/nav';
import { clearErrors, errorAlert, inputField, showFormError } from '../../components/forms';
import { breadcrumb, pageTitle, table } from '../../components/ui';
import { base, label, loadTaxonomy, needsNav } from './common';
import type { Group, GroupMember } from './types';

export default async function groupView(ctx: ViewContext): Promise<Node> {
  await loadTaxonomy(ctx);
  const path = `${base(ctx)}/groups/${encodeURIComponent(ctx.params.id)}`;
  const [group, members] = await Promise.all([
    ctx.api.get<Group>(path, undefined, ctx.signal),
    ctx.can('needs.records.read') ? ctx.api.get<GroupMember[]>(`${path}/members`, undefined, ctx.signal) : Promise.resolve(null),
  ]);
  const status = h('div', { 'aria-live': 'polite' });
  const canEdit = ctx.can('needs.analyse');

  const rename = h('form', { class: 'fr-mb-3w', novalidate: true },
    inputField({ name: 'title', label: t('needs.group.rename'), hint: t('needs.group.rename_hint'), value: group.custom_title ?? '' }),
    h('button', { class: 'fr-btn fr-btn--sm fr-btn--secondary fr-mt-1w', type: 'submit' }, t('needs.group.save_title')));
  rename.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(rename);
    const title = String(new FormData(rename).get('title') ?? '').trim();
    try {
      await ctx.api.put<Group>(path, { title: title || null });
      ctx.navigate(ctx.href(`needs/groups/${group.id}`), { replace: true });
    } catch (err) {
      showFormError(rename, err);
    }
  });

  const chosen = new Set<string>();
  const split = h('button', { class: 'fr-btn fr-btn--secondary', type: 'button', disabled: true, 'data-action': 'split' }, t('needs.group.split'));
  split.addEventListener('click', async () => {
    try {
      const [, created] = await ctx.api.post<Group[]>(`${path}/split`, { records: [...chosen] });
      ctx.navigate(ctx.href(`needs/groups/${created.id}`));
    } catch (err) {
      status.replaceChildren(errorAlert(err));
    }
  });
  const pick = (m: GroupMember) => {
    const box = h('input', { type: 'checkbox', id: `member-${m.id}`, 'data-member': m.record_id });
    box.addEventListener('change', () => {
      if (box.checked) chosen.add(m.record_id);
      else chosen.delete(m.record_id);
      split.disabled = chosen.size === 0 || chosen.size === members!.length;
      split.textContent = t('needs.group.split_count', { count: chosen.size });
    });
    return h('div', { class: 'fr-checkbox-group fr-checkbox-group--sm' }, box,
      h('label', { class: 'fr-label', for: `member-${m.id}` }, h('span', { class: 'fr-sr-only' }, t('needs.group.pick', { id: m.record_id }))));
  };

  return h('div', null,
    breadcrumb([{ label: t('needs.nav'), href: ctx.href('needs') }, { label: t('needs.groups.title'), href: ctx.href('needs/groups') }, { label: t('needs.group.number', { id: group.id }) }]),
    pageTitle(group.title,
      ctx.can('needs.plan') ? h('a', { class: 'fr-btn fr-icon-file-text-line fr-btn--icon-left fr-mb-3w', href: ctx.href('needs/calls/new') + `?groups=${group.id}` }, t('needs.group.draft_call')) : null),
    needsNav(ctx, 'groups'),
    status,
    h('p', null, t('needs.group.summary', { count: group.size, communes: group.communes.length }), group.manual ? ` ${t('needs.group.manual')}` : ''),
    group.custom_title ? h('blockquote', { class: 'mai-quote' }, group.representative_text) : null,
    canEdit ? rename : null,
    h('div', { class: 'fr-grid-row fr-grid-row--gutters' },
      h('div', { class: 'fr-col-12 fr-col-md-6' },
        table(t('needs.group.communes'), [
          { header: t('needs.col.commune'), cell: (c) => c.name },
          { header: t('needs.col.records'), numeric: true, cell: (c) => formatNumber(c.count, undefined, 0) },
        ], group.communes)),
      h('div', { class: 'fr-col-12 fr-col-md-6' },
        table(t('needs.group.categories'), [
          { header: t('needs.col.category'), cell: (c) => label('need_category', c.code) },
          { header: t('needs.col.records'), numeric: true, cell: (c) => formatNumber(c.count, undefined, 0) },
        ], group.categories))),
    members ? [
      h('h2', { class: 'fr-h4 fr-mt-4w' }, t('needs.group.members', { count: members.length })),
      canEdit ? h('div', { class: 'mai-actions' }, split, h('span', { class: 'fr-hint-text' }, t('needs.group.split_hint'))) : null,
      table(t('needs.group.members_caption'), [
        ...(canEdit ? [{ header: t('needs.groups.col_pick'), cell: (m: GroupMember) => pick(m) }] : []),
        { header: t('needs.col.record'), cell: (m) => h('a', { class: 'mai-nowrap', href: ctx.href(`needs/records/${m.id}`) }, m.record_id) },
        { header: t('needs.col.commune'), cell: (m) => group.communes.find((c) => c.code === m.commune_code)?.name ?? m.commune_code ?? '' },
        { header: t('needs.col.proposal'), cell: (m) => m.text },
      ], members),
    ] : h('p', { class: 'fr-text--sm' }, t('needs.group.no_records')));
}
