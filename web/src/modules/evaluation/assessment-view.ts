// One assessment: for a board, the board as the log left it, a replay of the session and the
// argument log; for other grids, the answers form and, when the grid aggregates, a radar.
// Evidence, participants, history, reports, and closing or reopening the session.
import { h, replace } from '../../app/h';
import { t } from '../../app/i18n';
import { formatDate } from '../../app/format';
import { loadEnums } from '../../app/enums';
import type { ViewContext } from '../../app/nav';
import { errorAlert, inputField, showFormError } from '../../components/forms';
import { breadcrumb, details, notice, pageTitle, table, tag } from '../../components/ui';
import type { Assessment, AssessmentSummary, Grid, LogEntry } from './api';
import { base } from './api';
import { boardLegend, boardView, updateBoard } from './board';
import { code, shortOf, signed, text } from './labels';
import { answersForm, evidencePanel, radarChart, reportLinks } from './widgets';
import './evaluation.css';

export default async function assessmentView(ctx: ViewContext): Promise<Node> {
  await loadEnums();
  const root = h('div');
  const load = async () => {
    const a = await ctx.api.get<Assessment>(`${base(ctx)}/assessments/${ctx.params.id}`, undefined, ctx.signal);
    const [grid, history] = await Promise.all([
      ctx.api.get<Grid>(`${base(ctx)}/grids/${a.grid.id}`, undefined, ctx.signal),
      ctx.api.get<AssessmentSummary[]>(`${base(ctx)}/assessments/${a.id}/history`, undefined, ctx.signal),
    ]);
    const previous = a.previous_id ? await ctx.api.get<Assessment>(`${base(ctx)}/assessments/${a.previous_id}`, undefined, ctx.signal).catch(() => null) : null;
    ctx.setTitle(a.title);
    replace(root, render(ctx, a, grid, history, previous, load));
  };
  await load();
  return root;
}

function render(ctx: ViewContext, a: Assessment, grid: Grid, history: AssessmentSummary[], previous: Assessment | null,
  reload: () => Promise<void>): Node {
  const doc = grid.definition!;
  const writable = ctx.can('evaluation.write');
  const board = doc.tool === 'board';
  const setStatus = async (status: 'open' | 'closed') => {
    try {
      await ctx.api.put(`${base(ctx)}/assessments/${a.id}`, { status });
      await reload();
    } catch (err) {
      actions.after(errorAlert(err));
    }
  };
  const actions = h('ul', { class: 'fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left' },
    board ? h('li', null, h('a', { class: 'fr-btn', href: ctx.href(`evaluation/assessments/${a.id}/live`) }, a.status === 'open' && writable ? t('evaluation.assessment.run') : t('evaluation.assessment.project'))) : null,
    history.length > 1 || a.previous_id ? h('li', null, h('a', { class: 'fr-btn fr-btn--secondary', href: ctx.href(`evaluation/assessments/${a.id}/compare`) }, t('evaluation.assessment.compare'))) : null,
    writable ? h('li', null, h('button', { class: 'fr-btn fr-btn--tertiary', type: 'button', onclick: () => setStatus(a.status === 'open' ? 'closed' : 'open') },
      a.status === 'open' ? t('evaluation.assessment.close') : t('evaluation.assessment.reopen'))) : null);

  const sections: Node[] = [];
  if (board) sections.push(boardSection(ctx, a, grid, previous));
  const radar = radarChart(a.radar, t('evaluation.radar.caption', { grid: text(doc.title) }));
  if (radar) sections.push(h('section', null, h('h2', null, t('evaluation.radar.title')), h('p', { class: 'fr-text--sm' }, t('evaluation.radar.note')), radar));
  if (!board) sections.push(h('section', null, h('h2', null, t('evaluation.assessment.answers')),
    a.campaign_id ? notice(t('evaluation.assessment.in_campaign')) : null,
    answersForm(ctx, grid, a, () => void reload())));
  if (board) sections.push(logSection(ctx, a, grid, reload));
  sections.push(h('section', null, h('h2', null, t('evaluation.evidence.title')), evidencePanel(ctx, grid, a, () => void reload())));
  sections.push(participantsSection(ctx, a, reload));
  if (history.length > 1) sections.push(h('section', null, h('h2', null, t('evaluation.assessment.history')),
    table<AssessmentSummary>(t('evaluation.assessment.history_caption'), [
      { header: t('evaluation.col.date'), cell: (x) => x.id === a.id ? h('strong', null, formatDate(x.held_on)) : h('a', { href: ctx.href(`evaluation/assessments/${x.id}`) }, formatDate(x.held_on)) },
      { header: t('evaluation.col.title'), cell: (x) => x.title },
      { header: t('evaluation.col.stage'), cell: (x) => code('evaluation_stage', x.stage) },
      { header: t('evaluation.col.compare'), cell: (x) => x.id === a.id ? '' : h('a', { href: ctx.href(`evaluation/assessments/${a.id}/compare?with=${x.id}`) }, t('evaluation.assessment.compare_with', { date: formatDate(x.held_on) })) },
    ], history)));

  return h('div', null,
    breadcrumb([{ label: t('evaluation.home.title'), href: ctx.href('evaluation') }, { label: a.title }]),
    pageTitle(a.title, tag(t(`evaluation.status.${a.status}`))),
    details([
      [t('evaluation.col.subject'), `${a.subject.title} (${code('evaluation_subject', a.subject.kind)})`],
      [t('evaluation.col.grid'), `${text(doc.title)} — v${doc.version}`],
      [t('evaluation.col.date'), formatDate(a.held_on)],
      [t('evaluation.col.stage'), code('evaluation_stage', a.stage)],
      [t('evaluation.col.mode'), code('evaluation_mode', a.mode)],
      [t('evaluation.col.previous'), previous ? h('a', { href: ctx.href(`evaluation/assessments/${previous.id}`) }, `${previous.title} (${formatDate(previous.held_on)})`) : ''],
      [t('evaluation.assessment.source'), text(doc.source)],
    ]),
    document.documentElement.lang !== 'fr' && doc.translation_note ? notice(text(doc.translation_note)) : null,
    actions,
    h('h2', { class: 'fr-h6' }, t('evaluation.report.title')),
    reportLinks(ctx, `/assessments/${a.id}/report`),
    ...sections);
}

function boardSection(ctx: ViewContext, a: Assessment, grid: Grid, previous: Assessment | null): Node {
  const state = { positions: a.positions, answers: a.answer_map, previous: previous?.answer_map ?? null };
  const drawn = boardView(grid, state);
  const total = a.log.length;
  const status = h('p', { class: 'fr-text--sm', role: 'status' }, t('evaluation.replay.at', { n: total, count: total }));
  const slider = h('input', { type: 'range', class: 'mai-replay', id: 'replay', min: 0, max: total, value: total, step: 1 }) as HTMLInputElement;
  slider.addEventListener('input', async () => {
    const n = Number(slider.value);
    const replayed = await ctx.api.get<{ positions: Record<string, number>; arguments: Record<string, number> }>(`${base(ctx)}/assessments/${a.id}/replay`, { arguments: n });
    const answers = Object.fromEntries(Object.entries(replayed.arguments).map(([k, count]) => [k, { ...(a.answer_map[k] ?? { value: null, priority: false, significant: false, comment: '' }), arguments: count }]));
    updateBoard(drawn, { positions: replayed.positions, answers, previous: state.previous }, null);
    status.textContent = t('evaluation.replay.at', { n, count: total });
  });
  return h('section', null,
    h('h2', null, t('evaluation.board.title')),
    h('p', { class: 'fr-text--sm' }, t('evaluation.board.no_score')),
    boardLegend(!!previous),
    total ? h('div', { class: 'fr-mb-2w' }, h('label', { class: 'fr-label', for: 'replay' }, t('evaluation.replay.label')), slider, status) : null,
    drawn);
}

function logSection(ctx: ViewContext, a: Assessment, grid: Grid, reload: () => Promise<void>): Node {
  const speaker = (id: number) => a.participant_list.find((p) => p.id === id)?.name ?? '';
  const writable = a.status === 'open' && ctx.can('evaluation.write');
  return h('section', null, h('h2', null, t('evaluation.log.title')),
    a.log.length ? table<LogEntry>(t('evaluation.log.caption', { count: a.log.length }), [
      { header: t('evaluation.log.seq'), numeric: true, cell: (x) => String(x.seq) },
      { header: t('evaluation.log.question'), cell: (x) => `${x.item} ${shortOf(grid, x.item)}` },
      { header: t('evaluation.log.speaker'), cell: (x) => speaker(x.participant_id) },
      { header: t('evaluation.log.move'), numeric: true, cell: (x) => `${x.direction === '+' ? '+' : '−'}${x.displacement}` },
      { header: t('evaluation.log.position'), cell: (x) => x.withdrawn ? t('evaluation.log.withdrawn') : `${signed(x.before)} → ${signed(x.after)}${x.clamped ? ` (${t('evaluation.log.clamped')})` : ''}` },
      { header: t('evaluation.log.text'), cell: (x) => x.withdrawn ? h('s', null, x.text) : x.text },
      { header: t('evaluation.log.actions'), cell: (x) => writable ? h('button', { type: 'button', class: 'fr-btn fr-btn--tertiary-no-outline fr-btn--sm', onclick: async () => {
        await ctx.api.put(`${base(ctx)}/assessments/${a.id}/arguments/${x.id}`, { withdrawn: !x.withdrawn });
        await reload();
      } }, x.withdrawn ? t('evaluation.log.restore') : t('evaluation.log.withdraw')) : '' },
    ], a.log) : notice(t('evaluation.log.none')));
}

function participantsSection(ctx: ViewContext, a: Assessment, reload: () => Promise<void>): Node {
  const writable = a.status === 'open' && ctx.can('evaluation.write');
  const form = h('form', { novalidate: true, class: 'fr-mt-2w' },
    inputField({ name: 'name', label: t('evaluation.participants.name'), hint: t('evaluation.new.participant_hint') }),
    inputField({ name: 'role', label: t('evaluation.new.role') }),
    h('button', { class: 'fr-btn fr-btn--secondary', type: 'submit' }, t('evaluation.new.add_participant')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const name = (form.querySelector('[name=name]') as HTMLInputElement).value.trim();
    const role = (form.querySelector('[name=role]') as HTMLInputElement).value.trim();
    try {
      await ctx.api.post(`${base(ctx)}/assessments/${a.id}/participants`, { name, role: role || undefined });
      await reload();
    } catch (err) {
      showFormError(form, err);
    }
  });
  return h('section', null, h('h2', null, t('evaluation.participants.title')),
    a.participant_list.length ? h('ul', null, a.participant_list.map((p) => h('li', null,
      p.name, p.role ? ` (${p.role})` : '', ' — ', t('evaluation.participants.spoke', { count: p.arguments }),
      writable && p.arguments === 0 ? [' ', h('button', { type: 'button', class: 'fr-btn fr-btn--tertiary-no-outline fr-btn--sm', onclick: async () => {
        try {
          await ctx.api.del(`${base(ctx)}/assessments/${a.id}/participants/${p.id}`);
          await reload();
        } catch (err) {
          form.before(errorAlert(err));
        }
      } }, t('evaluation.participants.remove', { name: p.name }))] : null))) : notice(t('evaluation.participants.none')),
    writable ? form : null);
}
