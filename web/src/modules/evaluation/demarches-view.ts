// The pole's démarches: what a sustainable-development appraisal is often about.
import { h } from '../../app/h';
import { t } from '../../app/i18n';
import type { ViewContext } from '../../app/nav';
import type { Actor, Page } from '../../app/types';
import { errorAlert, inputField, selectField, showFormError, textareaField } from '../../components/forms';
import { breadcrumb, notice, pageTitle, table } from '../../components/ui';
import type { Demarche } from './api';
import { base } from './api';

export default async function demarchesView(ctx: ViewContext): Promise<Node> {
  const [list, actors] = await Promise.all([
    ctx.api.get<Demarche[]>(`${base(ctx)}/demarches`, undefined, ctx.signal),
    ctx.api.get<Page<Actor>>(`/api/poles/${encodeURIComponent(ctx.pole.slug)}/actors`, { per_page: 200 }, ctx.signal),
  ]);
  const actorName = (id: number | null) => actors.items.find((a) => a.id === id)?.name ?? '';
  const writable = ctx.can('evaluation.write');
  const page: HTMLElement = h('div', null,
    breadcrumb([{ label: t('evaluation.home.title'), href: ctx.href('evaluation') }, { label: t('evaluation.demarches.title') }]),
    pageTitle(t('evaluation.demarches.title')),
    h('p', null, t('evaluation.demarches.lead')),
    list.length ? table<Demarche>(t('evaluation.demarches.caption', { count: list.length }), [
      { header: t('evaluation.demarches.name'), cell: (d) => d.name },
      { header: t('evaluation.demarches.description'), cell: (d) => d.description ?? '' },
      { header: t('evaluation.demarches.carrier'), cell: (d) => actorName(d.actor_id) },
      { header: t('evaluation.evidence.actions'), cell: (d) => [
        h('a', { href: ctx.href(`evaluation/assessments/new?grid=dd-appraisal`) }, t('evaluation.demarches.appraise')), ' ',
        writable ? h('button', { type: 'button', class: 'fr-btn fr-btn--tertiary-no-outline fr-btn--sm', onclick: async () => {
          if (!confirm(t('evaluation.demarches.remove_confirm', { name: d.name }))) return;
          try {
            await ctx.api.del(`${base(ctx)}/demarches/${d.id}`);
            ctx.navigate(ctx.href('evaluation/demarches'), { replace: true });
          } catch (err) {
            page.prepend(errorAlert(err));
          }
        } }, t('evaluation.demarches.remove')) : null] },
    ], list) : notice(t('evaluation.demarches.none')));
  if (writable) {
    const form = h('form', { novalidate: true, class: 'fr-mt-4w' },
      h('h2', { class: 'fr-h5' }, t('evaluation.demarches.add')),
      inputField({ name: 'name', label: t('evaluation.demarches.name'), required: true }),
      textareaField({ name: 'description', label: t('evaluation.demarches.description'), rows: 3 }),
      selectField({ name: 'actor_id', label: t('evaluation.demarches.carrier'), options: actors.items.map((a) => ({ value: String(a.id), label: a.name })), empty: '—' }),
      h('button', { class: 'fr-btn', type: 'submit' }, t('evaluation.demarches.add')));
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const v = (n: string) => (form.querySelector(`[name=${n}]`) as HTMLInputElement).value;
      try {
        await ctx.api.post(`${base(ctx)}/demarches`, { name: v('name'), description: v('description') || undefined, actor_id: v('actor_id') ? Number(v('actor_id')) : undefined });
        ctx.navigate(ctx.href('evaluation/demarches'), { replace: true });
      } catch (err) {
        showFormError(form, err);
      }
    });
    page.append(form);
  }
  return page;
}
