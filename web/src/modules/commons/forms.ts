// The forms that record a tender and add a member to its consortium (for commons.write).
import { h } from '../../app/h';
import { t } from '../../app/i18n';
import type { ViewContext } from '../../app/nav';
import type { Actor, Page } from '../../app/types';
import { ApiError, reasonOf } from '../../app/api';
import { clearErrors, fieldset, formValues, inputField, selectField, showFieldError, showFormError } from '../../components/forms';
import { base, label, values, type Member, type TenderDetail } from './model';

const text = (v: string | boolean | undefined) => String(v ?? '').trim();

// A consortium rule (one mandataire, shares, each actor once) comes back as a conflict naming
// the field: the server's reason says more there than the field's generic message ("unknown
// role").
function showError(form: HTMLElement, err: unknown): void {
  showFormError(form, err);
  if (err instanceof ApiError && err.code === 'conflict' && err.field) showFieldError(form, err.field, reasonOf(err));
}

export function newTenderForm(ctx: ViewContext): HTMLElement {
  const form = h('form', { novalidate: true, 'data-commons-tender-form': '' },
    fieldset(t('commons.new.title'),
      inputField({ name: 'title', label: t('commons.col.title'), required: true }),
      inputField({ name: 'buyer_name', label: t('commons.col.buyer'), required: true }),
      inputField({ name: 'reference', label: t('commons.col.reference') }),
      selectField({ name: 'status', label: t('commons.col.status'), value: 'watch',
        options: values('commons_tender_status').map((v) => ({ value: v.code, label: label('commons_tender_status', v.code) })) }),
      inputField({ name: 'published_on', label: t('commons.col.published'), type: 'date' }),
      inputField({ name: 'deadline_on', label: t('commons.col.deadline'), type: 'date' }),
      inputField({ name: 'awarded_on', label: t('commons.col.awarded'), hint: t('commons.new.awarded_hint'), type: 'date' })),
    h('button', { class: 'fr-btn', type: 'submit' }, t('commons.new.save')));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    const v = formValues(form);
    const body: Record<string, unknown> = { title: text(v.title), status: text(v.status) };
    for (const key of ['buyer_name', 'reference', 'published_on', 'deadline_on', 'awarded_on']) if (text(v[key])) body[key] = text(v[key]);
    try {
      const created = await ctx.api.post<TenderDetail>(`${base(ctx)}/tenders`, body);
      ctx.navigate(ctx.href(`commons/${created.id}`));
    } catch (err) {
      showFormError(form, err);
    }
  });
  return h('section', { class: 'fr-mt-4w' }, h('h2', { class: 'fr-h4' }, t('commons.new.title')), form);
}

export async function memberForm(ctx: ViewContext, tender: TenderDetail): Promise<HTMLElement> {
  const page = await ctx.api.get<Page<Actor>>(`/api/poles/${encodeURIComponent(ctx.pole.slug)}/actors`, { per_page: 200 }, ctx.signal);
  const taken = new Set(tender.consortium.map((m: Member) => m.actor_id));
  const choices = page.items.filter((a) => !taken.has(a.id));
  const form = h('form', { novalidate: true, 'data-commons-member-form': '' },
    fieldset(t('commons.member.title'),
      selectField({ name: 'actor_id', label: t('commons.col.member'), required: true, value: choices.length ? String(choices[0].id) : '',
        options: choices.map((a) => ({ value: String(a.id), label: a.name })) }),
      selectField({ name: 'role', label: t('commons.col.role'), required: true, value: tender.consortium.length ? 'co_traitant' : 'mandataire',
        options: values('commons_consortium_role').map((v) => ({ value: v.code, label: label('commons_consortium_role', v.code) })) }),
      inputField({ name: 'lots', label: t('commons.col.lots'), hint: t('commons.member.lots_hint') }),
      inputField({ name: 'share_percent', label: t('commons.col.share'), type: 'number', step: '0.01', min: 0, max: 100 }),
      inputField({ name: 'insertion_hours_committed', label: t('commons.col.committed'), type: 'number', step: '1', min: 0 })),
    h('button', { class: 'fr-btn', type: 'submit' }, t('commons.member.save')));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    const v = formValues(form);
    const lots = text(v.lots).split(/[\s,;]+/).filter(Boolean).map(Number);
    const body: Record<string, unknown> = { actor_id: Number(v.actor_id), role: text(v.role), lots };
    if (text(v.share_percent)) body.share_percent = Number(v.share_percent);
    if (text(v.insertion_hours_committed)) body.insertion_hours_committed = Number(v.insertion_hours_committed);
    try {
      await ctx.api.post(`${base(ctx)}/tenders/${tender.id}/members`, body);
      ctx.navigate(ctx.href(`commons/${tender.id}?added=1`));
    } catch (err) {
      showError(form, err);
    }
  });
  return h('section', { class: 'fr-mt-4w' }, h('h2', { class: 'fr-h4' }, t('commons.member.title')), form);
}
