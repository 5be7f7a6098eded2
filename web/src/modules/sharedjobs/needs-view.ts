// Members and their needs: who the group works for, and the hours, times and skills they need.
import { h } from '../../app/h';
import { t } from '../../app/i18n';
import type { ViewContext } from '../../app/nav';
import type { Actor, EnumerationName, Page } from '../../app/types';
import { enumLabel, enumValues, loadEnums } from '../../app/enums';
import { localized } from '../../app/i18n';
import { formatDate, formatNumber } from '../../app/format';
import { checkboxField, clearErrors, fieldset, formValues, inputField, selectField, showFormError } from '../../components/forms';
import { pageTitle, table } from '../../components/ui';
import { base, groupNav, windowText, type Group, type Member, type Need } from './model';
import { windowsField } from './windows-field';

const OCCUPATION = 'occupation' as EnumerationName;

export default async function needsView(ctx: ViewContext): Promise<Node> {
  const group = await ctx.api.get<Group>(`${base(ctx)}/groups/${ctx.params.group}`, undefined, ctx.signal);
  ctx.setTitle(t('sharedjobs.needs.title_named', { name: group.name }));
  const [members, needs] = await Promise.all([
    ctx.api.get<Member[]>(`${base(ctx)}/groups/${group.id}/members`, undefined, ctx.signal),
    ctx.api.get<Need[]>(`${base(ctx)}/groups/${group.id}/needs`, undefined, ctx.signal),
    loadEnums(),
  ]);
  const memberName = new Map(members.map((m) => [m.id, m.name]));
  const writable = ctx.can('sharedjobs.write');
  const remove = (path: string) => async () => {
    await ctx.api.del(`${base(ctx)}/${path}`);
    ctx.navigate(ctx.url.pathname, { replace: true });
  };
  return h('div', null,
    pageTitle(t('sharedjobs.needs.title_named', { name: group.name })),
    groupNav(ctx, group, 'needs'),
    h('h2', { class: 'fr-h4' }, t('sharedjobs.members.title')),
    table(t('sharedjobs.members.caption'), [
      { header: t('sharedjobs.col.member'), cell: (m: Member) => h('a', { href: ctx.href(`actors/${m.actor_id}`) }, m.name) },
      { header: t('sharedjobs.col.rate'), cell: (m: Member) => m.hourly_rate === null ? t('sharedjobs.members.default_rate', { rate: formatNumber(group.default_rate) }) : formatNumber(m.hourly_rate), numeric: true },
      ...(writable ? [{ header: t('sharedjobs.col.actions'), cell: (m: Member) => h('button', { class: 'fr-btn fr-btn--tertiary fr-btn--sm', type: 'button', onclick: remove(`members/${m.id}`), 'aria-label': t('sharedjobs.action.remove_named', { name: m.name }) }, t('sharedjobs.action.remove')) }] : []),
    ], members),
    writable ? await memberForm(ctx, group, members) : null,
    h('h2', { class: 'fr-h4 fr-mt-4w' }, t('sharedjobs.needs.list')),
    table(t('sharedjobs.needs.caption'), [
      { header: t('sharedjobs.col.need'), cell: (n: Need) => n.label },
      { header: t('sharedjobs.col.member'), cell: (n: Need) => memberName.get(n.member_id) ?? '' },
      { header: t('sharedjobs.col.occupation'), cell: (n: Need) => `${n.occupation} — ${enumLabel(OCCUPATION, n.occupation)}` },
      { header: t('sharedjobs.col.hours'), cell: (n: Need) => formatNumber(n.weekly_hours, undefined, 2), numeric: true },
      { header: t('sharedjobs.col.windows'), cell: (n: Need) => n.windows.map(windowText).join(', ') },
      { header: t('sharedjobs.col.period'), cell: (n: Need) => n.start || n.end ? `${formatDate(n.start ?? group.horizon_start)} – ${formatDate(n.end ?? group.horizon_end)}` : t('sharedjobs.needs.all_year') },
      { header: t('sharedjobs.col.splittable'), cell: (n: Need) => n.splittable ? t('sharedjobs.yes') : t('sharedjobs.no') },
      ...(writable ? [{ header: t('sharedjobs.col.actions'), cell: (n: Need) => h('button', { class: 'fr-btn fr-btn--tertiary fr-btn--sm', type: 'button', onclick: remove(`needs/${n.id}`), 'aria-label': t('sharedjobs.action.remove_named', { name: n.label }) }, t('sharedjobs.action.remove')) }] : []),
    ], needs),
    writable && members.length ? needForm(ctx, group, members) : null);
}

async function memberForm(ctx: ViewContext, group: Group, members: Member[]): Promise<HTMLElement | null> {
  const page = await ctx.api.get<Page<Actor>>(`/api/poles/${encodeURIComponent(ctx.pole.slug)}/actors`, { per_page: 200 }, ctx.signal);
  const taken = new Set([...members.map((m) => m.actor_id), group.actor_id]);
  const choices = page.items.filter((a) => !taken.has(a.id) && a.family !== 'public_body');
  if (!choices.length) return null;
  const form = h('form', { novalidate: true, 'data-sj-member-form': '', class: 'fr-mt-2w' },
    fieldset(t('sharedjobs.members.add'),
      selectField({ name: 'actor_id', label: t('sharedjobs.field.member_actor'), required: true, value: String(choices[0].id), options: choices.map((a) => ({ value: String(a.id), label: a.name })) }),
      inputField({ name: 'hourly_rate', label: t('sharedjobs.field.hourly_rate'), hint: t('sharedjobs.field.hourly_rate_hint'), type: 'number', step: '0.01', min: 0 })),
    h('button', { class: 'fr-btn fr-btn--secondary', type: 'submit' }, t('sharedjobs.action.add_member')));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    const v = formValues(form);
    try {
      await ctx.api.post(`${base(ctx)}/groups/${group.id}/members`, { actor_id: Number(v.actor_id), hourly_rate: v.hourly_rate ? Number(v.hourly_rate) : null });
      ctx.navigate(ctx.url.pathname, { replace: true });
    } catch (err) {
      showFormError(form, err);
    }
  });
  return form;
}

function needForm(ctx: ViewContext, group: Group, members: Member[]): HTMLElement {
  const windows = windowsField('windows', t('sharedjobs.field.windows'), [{ day: 'mon', start: '08:00', end: '12:00' }]);
  const occupations = enumValues(OCCUPATION).filter((v) => v.parent).map((v) => ({ value: v.code, label: `${v.code} — ${localized(v.label, v.code)}` }));
  const form = h('form', { novalidate: true, 'data-sj-need-form': '', class: 'fr-mt-4w' },
    h('h2', { class: 'fr-h4' }, t('sharedjobs.needs.add')),
    fieldset(t('sharedjobs.needs.what'),
      selectField({ name: 'member_id', label: t('sharedjobs.field.member'), required: true, value: String(members[0].id), options: members.map((m) => ({ value: String(m.id), label: m.name })) }),
      inputField({ name: 'label', label: t('sharedjobs.field.label'), required: true }),
      selectField({ name: 'occupation', label: t('sharedjobs.field.occupation'), required: true, value: occupations[0]?.value, options: occupations }),
      inputField({ name: 'skills', label: t('sharedjobs.field.skills'), hint: t('sharedjobs.field.skills_hint') }),
      inputField({ name: 'weekly_hours', label: t('sharedjobs.field.weekly_hours'), type: 'number', step: '0.25', min: 0, required: true, value: 4 }),
      checkboxField({ name: 'splittable', label: t('sharedjobs.field.splittable'), hint: t('sharedjobs.field.splittable_hint') })),
    windows.element,
    fieldset(t('sharedjobs.needs.when'),
      inputField({ name: 'start', label: t('sharedjobs.field.start_date'), hint: t('sharedjobs.field.period_hint'), type: 'date' }),
      inputField({ name: 'end', label: t('sharedjobs.field.end_date'), type: 'date' }),
      inputField({ name: 'agreement', label: t('sharedjobs.field.agreement'), hint: t('sharedjobs.field.agreement_hint') })),
    h('button', { class: 'fr-btn', type: 'submit' }, t('sharedjobs.action.add_need')));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    const v = formValues(form);
    const body: Record<string, unknown> = {
      member_id: Number(v.member_id), label: v.label, occupation: v.occupation,
      weekly_hours: Number(v.weekly_hours), windows: windows.values(), splittable: v.splittable === true,
      skills: String(v.skills || '').split(',').map((x) => x.trim()).filter(Boolean), agreement: v.agreement || '',
    };
    if (v.start) body.start = v.start;
    if (v.end) body.end = v.end;
    try {
      await ctx.api.post(`${base(ctx)}/groups/${group.id}/needs`, body);
      ctx.navigate(ctx.url.pathname + '?added=1', { replace: true });
    } catch (err) {
      showFormError(form, err);
    }
  });
  return form;
}
