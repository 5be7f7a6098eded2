// The grids the pole can use: shipped ones (the seed's tools) and its own copies; copying,
// exporting and importing them.
import { h } from '../../app/h';
import { t } from '../../app/i18n';
import { ApiError } from '../../app/api';
import type { ViewContext } from '../../app/nav';
import { errorAlert, showFormError } from '../../components/forms';
import { breadcrumb, pageTitle, table, tag } from '../../components/ui';
import type { Grid } from './api';
import { base } from './api';
import { text } from './labels';

export async function copyGrid(ctx: ViewContext, id: number): Promise<void> {
  const copy = await ctx.api.post<Grid>(`${base(ctx)}/grids`, { from: id });
  ctx.navigate(ctx.href(`evaluation/grids/${copy.id}`));
}

export default async function gridsView(ctx: ViewContext): Promise<Node> {
  const grids = await ctx.api.get<Grid[]>(`${base(ctx)}/grids`, undefined, ctx.signal);
  const canEdit = ctx.can('evaluation.grids');
  const page: HTMLElement = h('div', null,
    breadcrumb([{ label: t('evaluation.home.title'), href: ctx.href('evaluation') }, { label: t('evaluation.grids.title') }]),
    pageTitle(t('evaluation.grids.title')),
    h('p', null, t('evaluation.grids.lead')),
    table<Grid>(t('evaluation.grids.caption', { count: grids.length }), [
      { header: t('evaluation.col.title'), cell: (g) => h('a', { href: ctx.href(`evaluation/grids/${g.id}`) }, text(g.title)) },
      { header: t('evaluation.grids.code'), cell: (g) => `${g.code} v${g.version}` },
      { header: t('evaluation.grids.tool'), cell: (g) => t(`evaluation.tool.${g.tool}`) },
      { header: t('evaluation.grids.scope'), cell: (g) => [tag(g.shipped ? t('evaluation.grids.shipped') : t('evaluation.grids.pole_copy')),
        g.placeholders ? tag(t('evaluation.grid.placeholder')) : null, g.latest ? null : tag(t('evaluation.grids.older'))] },
      { header: t('evaluation.grids.items'), numeric: true, cell: (g) => String(g.items) },
      { header: t('evaluation.grids.used'), numeric: true, cell: (g) => String(g.assessments) },
      { header: t('evaluation.evidence.actions'), cell: (g) => [
        h('a', { class: 'fr-link fr-text--sm', href: `${base(ctx)}/grids/${g.id}/export`, download: '' }, t('evaluation.grids.export', { code: g.code })), ' ',
        canEdit ? h('button', { type: 'button', class: 'fr-btn fr-btn--tertiary-no-outline fr-btn--sm', onclick: () => copyGrid(ctx, g.id).catch((err) => page.prepend(errorAlert(err))) },
          t('evaluation.grids.copy', { code: g.code })) : null] },
    ], grids));
  if (canEdit) {
    const form = h('form', { novalidate: true, class: 'fr-mt-4w' },
      h('h2', { class: 'fr-h5' }, t('evaluation.grids.import')),
      h('div', { class: 'fr-upload-group', 'data-field': 'file' },
        h('label', { class: 'fr-label', for: 'grid-file' }, t('evaluation.grids.import_file'), h('span', { class: 'fr-hint-text' }, t('evaluation.grids.import_hint'))),
        h('input', { class: 'fr-upload', type: 'file', id: 'grid-file', accept: '.json,application/json' })),
      h('button', { class: 'fr-btn fr-btn--secondary fr-mt-2w', type: 'submit' }, t('evaluation.grids.import_button')));
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const file = (form.querySelector('#grid-file') as HTMLInputElement).files?.[0];
      if (!file) return;
      try {
        let doc: unknown;
        try {
          doc = JSON.parse(await file.text());
        } catch (e) {
          throw new ApiError(400, 'invalid_input', `${file.name}: ${e instanceof Error ? e.message : String(e)}`, 'file');
        }
        const g = await ctx.api.post<Grid>(`${base(ctx)}/grids/import`, doc);
        ctx.navigate(ctx.href(`evaluation/grids/${g.id}`));
      } catch (err) {
        showFormError(form, err);
      }
    });
    page.append(form);
  }
  return page;
}
