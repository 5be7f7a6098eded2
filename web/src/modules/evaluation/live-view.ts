// The live session screen, for a group meeting: the board projected large, and beside it the
// facilitator's controls — the question under discussion, who speaks, which way and how far
// the group agrees the cursor moves, the argument, the black ball. Every change is saved at
// once; a second screen opened on the same page follows by polling the session's revision.
//
// Keyboard (outside text fields): N / P next and previous question, + / − direction,
// B black ball (priority), S very significant; Ctrl+Enter in the argument adds it.
import { h, replace } from '../../app/h';
import { t } from '../../app/i18n';
import type { ViewContext } from '../../app/nav';
import { errorAlert, inputField, selectField, showFormError, textareaField } from '../../components/forms';
import { breadcrumb, pageTitle } from '../../components/ui';
import type { Assessment, Grid, GridItem } from './api';
import { base } from './api';
import { boardLegend, boardView, updateBoard } from './board';
import { marked, scaleOf, signed, text } from './labels';
import './evaluation.css';

const POLL_MS = 2000;

export default async function liveView(ctx: ViewContext): Promise<Node> {
  let a = await ctx.api.get<Assessment>(`${base(ctx)}/assessments/${ctx.params.id}`, undefined, ctx.signal);
  const grid = await ctx.api.get<Grid>(`${base(ctx)}/grids/${a.grid.id}`, undefined, ctx.signal);
  const doc = grid.definition!;
  const previous = a.previous_id
    ? await ctx.api.get<Assessment>(`${base(ctx)}/assessments/${a.previous_id}`, undefined, ctx.signal).catch(() => null)
    : null;
  ctx.setTitle(t('evaluation.live.title_of', { title: a.title }));
  const questions: GridItem[] = doc.sections.flatMap((s) => (s.items ?? []).filter((i) => scaleOf(doc, i).kind === 'cursor'));
  let selected = questions[0]?.code ?? '';
  let direction: '+' | '-' = '+';
  const canRun = () => a.status === 'open' && ctx.can('evaluation.write');

  const state = () => ({ positions: a.positions, answers: a.answer_map, previous: previous?.answer_map ?? null });
  const drawn = boardView(grid, state(), { selected, onSelect: (c) => select(c), large: true });
  const announce = h('p', { class: 'fr-sr-only', 'aria-live': 'polite' });
  const status = h('p', { class: 'mai-live__status' });
  const question = h('div', { class: 'mai-live__question' });
  const logList = h('ol', { class: 'mai-log', reversed: true });
  const errors = h('div');

  const directionButton = (d: '+' | '-', label: string) => h('button', {
    type: 'button', class: 'fr-btn fr-btn--secondary', 'data-direction': d, 'aria-pressed': String(direction === d),
    onclick: () => setDirection(d),
  }, label);
  const directions = h('div', { class: 'mai-live__directions', role: 'group', 'aria-label': t('evaluation.live.direction') },
    directionButton('+', t('evaluation.live.positive')), directionButton('-', t('evaluation.live.negative')));
  const speakerField = selectField({ name: 'participant_id', label: t('evaluation.live.speaker'), required: true, value: String(a.participant_list[0]?.id ?? ''),
    options: a.participant_list.map((p) => ({ value: String(p.id), label: p.name })) });
  const form = h('form', { novalidate: true },
    speakerField,
    directions,
    inputField({ name: 'displacement', label: t('evaluation.live.displacement'), hint: t('evaluation.live.displacement_hint'), type: 'number', value: 1, min: 0, max: 10, step: '0.5' }),
    textareaField({ name: 'text', label: t('evaluation.live.argument'), hint: t('evaluation.live.argument_hint'), rows: 3 }),
    h('button', { class: 'fr-btn', type: 'submit' }, t('evaluation.live.add')));
  const flagBox = (flag: 'priority' | 'significant', label: string) => {
    const id = `flag-${flag}`;
    const input = h('input', { type: 'checkbox', id, onchange: (e: Event) => setFlag(flag, (e.target as HTMLInputElement).checked) });
    return h('div', { class: 'fr-checkbox-group fr-checkbox-group--sm' }, input, h('label', { class: 'fr-label', for: id }, label));
  };
  const flags = h('fieldset', { class: 'fr-fieldset fr-mt-2w' },
    h('legend', { class: 'fr-fieldset__legend fr-text--regular' }, t('evaluation.live.ball')),
    h('div', { class: 'fr-fieldset__element' }, flagBox('priority', t('evaluation.flag.priority'))),
    h('div', { class: 'fr-fieldset__element' }, flagBox('significant', t('evaluation.flag.significant'))));
  const nav = h('div', { class: 'fr-btns-group fr-btns-group--inline fr-btns-group--sm fr-mb-1w' },
    h('button', { type: 'button', class: 'fr-btn fr-btn--tertiary fr-btn--sm', onclick: () => step(-1) }, t('evaluation.live.previous_question')),
    h('button', { type: 'button', class: 'fr-btn fr-btn--tertiary fr-btn--sm', onclick: () => step(1) }, t('evaluation.live.next_question')));
  const controls = h('aside', { class: 'mai-live__controls', 'aria-label': t('evaluation.live.controls') },
    nav, question, errors, canRun() ? [form, flags] : h('p', null, t('evaluation.live.read_only')),
    h('h2', { class: 'fr-h6 fr-mt-3w' }, t('evaluation.live.log')), logList, status);
  const layout = h('div', { class: 'mai-live' }, h('div', null, boardLegend(!!previous), drawn), controls, announce);
  const projectButton = h('button', { type: 'button', class: 'fr-btn fr-btn--secondary fr-btn--sm', 'aria-pressed': 'false', onclick: () => {
    const on = layout.classList.toggle('is-projected');
    projectButton.setAttribute('aria-pressed', String(on));
  } }, t('evaluation.live.projection'));
  const fullButton = h('button', { type: 'button', class: 'fr-btn fr-btn--secondary fr-btn--sm', onclick: () => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void layout.requestFullscreen?.();
  } }, t('evaluation.live.fullscreen'));

  function itemOf(c: string): GridItem | undefined {
    return questions.find((q) => q.code === c);
  }
  function renderQuestion() {
    const item = itemOf(selected);
    if (!item) return;
    const answer = a.answer_map[selected];
    const position = a.positions[selected] ?? 0;
    replace(question,
      h('p', { class: 'fr-text--sm fr-mb-0' }, text(doc.stem)),
      h('p', { class: 'fr-text--bold fr-mb-1w' }, `${item.code} — `, ...marked(item.label)),
      h('p', { class: 'fr-text--sm' }, t('evaluation.live.position', { value: (answer?.arguments ?? 0) > 0 ? signed(position) : t('evaluation.board.not_discussed') })));
    for (const flag of ['priority', 'significant'] as const) {
      const box = flags.querySelector<HTMLInputElement>(`#flag-${flag}`);
      if (box) box.checked = !!answer?.[flag];
    }
  }
  function renderLog() {
    const speaker = (id: number) => a.participant_list.find((p) => p.id === id)?.name ?? '';
    replace(logList, [...a.log].reverse().slice(0, 30).map((x) => h('li', { class: x.withdrawn ? 'is-withdrawn' : '' },
      h('strong', null, `${x.seq}. ${x.item} ${x.direction === '+' ? '+' : '−'}${x.displacement}`), ` ${speaker(x.participant_id)} — ${x.text} `,
      canRun() ? h('button', { type: 'button', class: 'fr-btn fr-btn--tertiary-no-outline fr-btn--sm', onclick: () => withdraw(x.id, !x.withdrawn) },
        x.withdrawn ? t('evaluation.log.restore') : t('evaluation.log.withdraw')) : null)));
    status.textContent = t('evaluation.live.synced', { revision: a.revision });
  }
  function refresh(next: Assessment) {
    a = next;
    updateBoard(drawn, state(), selected);
    renderQuestion();
    renderLog();
  }
  function select(c: string) {
    selected = c;
    updateBoard(drawn, state(), selected);
    renderQuestion();
  }
  function step(delta: number) {
    const i = questions.findIndex((q) => q.code === selected);
    select(questions[(i + delta + questions.length) % questions.length].code);
    drawn.querySelector<HTMLElement>(`[data-item="${CSS.escape(selected)}"] .mai-board__label`)?.focus();
  }
  function setDirection(d: '+' | '-') {
    direction = d;
    directions.querySelectorAll('button').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.direction === d)));
  }
  async function setFlag(flag: 'priority' | 'significant', on: boolean) {
    try {
      refresh(await ctx.api.put<Assessment>(`${base(ctx)}/assessments/${a.id}/answers`, { answers: [{ item: selected, [flag]: on }] }));
    } catch (err) {
      replace(errors, errorAlert(err));
    }
  }
  async function withdraw(id: number, on: boolean) {
    try {
      refresh(await ctx.api.put<Assessment>(`${base(ctx)}/assessments/${a.id}/arguments/${id}`, { withdrawn: on }));
    } catch (err) {
      replace(errors, errorAlert(err));
    }
  }

  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const value = (n: string) => (form.querySelector(`[name=${n}]`) as HTMLInputElement).value;
    try {
      const next = await ctx.api.post<Assessment>(`${base(ctx)}/assessments/${a.id}/arguments`, {
        item: selected, participant_id: Number(value('participant_id')), direction,
        displacement: Number(value('displacement')), text: value('text'),
      });
      refresh(next);
      (form.querySelector('[name=text]') as HTMLTextAreaElement).value = '';
      const last = next.log[next.log.length - 1];
      announce.textContent = t('evaluation.live.moved', { item: last.item, from: signed(last.before), to: signed(last.after) });
    } catch (err) {
      showFormError(form, err);
    }
  });
  form.querySelector('textarea')!.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      form.requestSubmit();
    }
  });
  const typing = (el: EventTarget | null) => el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement;
  const onKey = (e: KeyboardEvent) => {
    if (typing(e.target) || e.ctrlKey || e.metaKey || e.altKey || !canRun()) return;
    const keys: Record<string, () => void> = {
      n: () => step(1), p: () => step(-1), '+': () => setDirection('+'), '-': () => setDirection('-'),
      b: () => void setFlag('priority', !a.answer_map[selected]?.priority),
      s: () => void setFlag('significant', !a.answer_map[selected]?.significant),
    };
    const action = keys[e.key.toLowerCase()];
    if (action) {
      e.preventDefault();
      action();
    }
  };
  document.addEventListener('keydown', onKey);
  // A second screen follows: a cheap revision check, the whole session only when it changed.
  const timer = window.setInterval(async () => {
    try {
      const { revision } = await ctx.api.get<{ revision: number }>(`${base(ctx)}/assessments/${a.id}/revision`, undefined, ctx.signal);
      if (revision !== a.revision) refresh(await ctx.api.get<Assessment>(`${base(ctx)}/assessments/${a.id}`, undefined, ctx.signal));
    } catch {
      status.textContent = t('evaluation.live.offline');
    }
  }, POLL_MS);
  ctx.signal.addEventListener('abort', () => {
    window.clearInterval(timer);
    document.removeEventListener('keydown', onKey);
  });
  renderQuestion();
  renderLog();
  return h('div', null,
    breadcrumb([{ label: t('evaluation.home.title'), href: ctx.href('evaluation') },
      { label: a.title, href: ctx.href(`evaluation/assessments/${a.id}`) }, { label: t('evaluation.live.title') }]),
    pageTitle(a.title, h('div', { class: 'fr-btns-group fr-btns-group--inline fr-btns-group--sm' }, projectButton, fullButton)),
    h('p', { class: 'fr-text--sm' }, t('evaluation.live.keys')),
    layout);
}
