// Two sessions side by side, question by question: before and now, the change, black balls
// that appeared or disappeared; the unchanged items can be hidden.
import { h, replace } from '../../app/h';
import { t } from '../../app/i18n';
import { formatDate } from '../../app/format';
import type { ViewContext } from '../../app/nav';
import { checkboxField } from '../../components/forms';
import { breadcrumb, notice, pageTitle, table } from '../../components/ui';
import type { AnswerValue, Comparison, Grid } from './api';
import { base } from './api';
import { shortOf, signed } from './labels';
import './evaluation.css';

function shown(v: AnswerValue | null, kind: string): string {
  if (!v || v.value === null || v.value === undefined) return '—';
  const ball = v.priority || v.significant ? '● ' : '';
  if (typeof v.value === 'boolean') return ball + (v.value ? t('evaluation.answer.yes') : t('evaluation.answer.no'));
  if (typeof v.value === 'number') return ball + (kind === 'cursor' ? signed(v.value) : String(v.value));
  return ball + v.value;
}

export default async function compareView(ctx: ViewContext): Promise<Node> {
  const withId = ctx.query.get('with');
  const cmp = await ctx.api.get<Comparison | null>(`${base(ctx)}/assessments/${ctx.params.id}/comparison`, withId ? { with: withId } : undefined, ctx.signal);
  const crumbs = breadcrumb([{ label: t('evaluation.home.title'), href: ctx.href('evaluation') },
    { label: t('evaluation.assessment.title'), href: ctx.href(`evaluation/assessments/${ctx.params.id}`) }, { label: t('evaluation.compare.title') }]);
  if (!cmp) return h('div', null, crumbs, pageTitle(t('evaluation.compare.title')), notice(t('evaluation.compare.none')));
  const grid = await ctx.api.get<Grid>(`${base(ctx)}/grids/${cmp.current.grid.id}`, undefined, ctx.signal);
  const holder = h('div');
  const draw = (onlyChanges: boolean) => {
    const rows = cmp.items.filter((i) => !onlyChanges || i.changed);
    replace(holder, rows.length ? table(t('evaluation.compare.caption', { before: formatDate(cmp.previous.held_on), now: formatDate(cmp.current.held_on) }), [
      { header: t('evaluation.col.code'), cell: (i) => i.code },
      { header: t('evaluation.col.item'), cell: (i) => shortOf(grid, i.code) },
      { header: formatDate(cmp.previous.held_on), cell: (i) => shown(i.previous, i.kind) },
      { header: formatDate(cmp.current.held_on), cell: (i) => shown(i.current, i.kind) },
      { header: t('evaluation.compare.change'), numeric: true, cell: (i) => [
        i.delta === null || i.delta === 0 ? '' : signed(i.delta),
        i.flag_changed ? ` ${(i.current?.priority || i.current?.significant) ? t('evaluation.compare.ball_added') : t('evaluation.compare.ball_removed')}` : '',
      ] },
    ], rows) : notice(t('evaluation.compare.no_change')));
  };
  const filter = checkboxField({ name: 'only', label: t('evaluation.compare.only_changes'), checked: true });
  filter.querySelector('input')!.addEventListener('change', (e) => draw((e.target as HTMLInputElement).checked));
  draw(true);
  const changed = cmp.items.filter((i) => i.changed).length;
  return h('div', null, crumbs,
    pageTitle(t('evaluation.compare.title')),
    h('p', null, t('evaluation.compare.lead', { before: cmp.previous.title, now: cmp.current.title, count: changed })),
    filter, holder);
}
