// The kanban of the pole's projects: one column per stage, active and paused projects, the
// longest in their step first, with their deadline.
import { h } from '../../app/h';
import { t } from '../../app/i18n';
import { loadEnums } from '../../app/enums';
import type { ViewContext } from '../../app/nav';
import { selectField } from '../../components/forms';
import { pageTitle } from '../../components/ui';
import { apiBase, date, label, statusTag, tabs, today, values } from './common';
import type { KanbanColumn, Project } from './types';

function card(ctx: ViewContext, p: Project, now: string): HTMLElement {
  const late = p.status === 'active' && p.step_due_on && p.step_due_on < now;
  return h('li', { class: 'mai-kanban__card' },
    h('a', { href: ctx.href(`pathways/projects/${p.id}`) }, p.title),
    h('p', null, label('pathway_model', p.template.model)),
    h('p', null, t('pathways.kanban.since', { date: date(p.step_entered_on) })),
    p.step_due_on ? h('p', { class: late ? 'mai-late' : undefined },
      late ? t('pathways.kanban.late', { date: date(p.step_due_on) }) : t('pathways.kanban.due', { date: date(p.step_due_on) })) : null,
    p.status !== 'active' ? h('p', null, statusTag(p.status)) : null,
    p.commune_name ? h('p', null, p.commune_name) : null);
}

export default async function kanbanView(ctx: ViewContext): Promise<Node> {
  await loadEnums();
  const model = ctx.query.get('model') ?? '';
  const columns = await ctx.api.get<KanbanColumn[]>(`${apiBase(ctx)}/kanban`, { model: model || undefined, per_column: 30 }, ctx.signal);
  const now = today();
  const filter = h('form', { class: 'mai-filters fr-mb-2w', role: 'search', 'aria-label': t('pathways.kanban.filter') },
    selectField({ name: 'model', label: t('pathways.field.model'), value: model, empty: t('pathways.kanban.all_models'), options: values('pathway_model').map((v) => ({ value: v.value, label: v.label })) }),
    h('button', { class: 'fr-btn fr-btn--secondary fr-mt-1w', type: 'submit' }, t('pathways.kanban.apply')));
  filter.addEventListener('submit', (e) => {
    e.preventDefault();
    const chosen = (filter.querySelector('select') as HTMLSelectElement).value;
    ctx.navigate(ctx.href(`pathways${chosen ? `?model=${encodeURIComponent(chosen)}` : ''}`));
  });
  const total = columns.reduce((n, c) => n + c.total, 0);
  return h('div', null,
    pageTitle(t('pathways.kanban.title')),
    tabs(ctx, 'kanban'),
    h('div', { class: 'mai-actions' },
      ctx.can('pathways.write') ? h('a', { class: 'fr-btn fr-icon-add-line fr-btn--icon-left', href: ctx.href('pathways/projects/new') }, t('pathways.kanban.new')) : null),
    filter,
    h('p', { role: 'status', id: 'kanban-count' }, t('pathways.kanban.count', { count: total })),
    h('div', { class: 'mai-kanban', role: 'region', tabindex: '0', 'aria-label': t('pathways.kanban.board') },
      columns.map((c) => h('section', { class: 'mai-kanban__column', 'aria-labelledby': `col-${c.stage}`, 'data-stage': c.stage },
        h('h2', { id: `col-${c.stage}` }, `${label('pathway_stage', c.stage)} (${c.total})`),
        c.projects.length
          ? h('ul', null, c.projects.map((p) => card(ctx, p, now)))
          : h('p', { class: 'fr-text--sm' }, t('pathways.kanban.empty')),
        c.total > c.projects.length ? h('p', { class: 'fr-text--sm' }, t('pathways.kanban.more', { count: c.total - c.projects.length })) : null))));
}
