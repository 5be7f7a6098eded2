// The cursor board, drawn as in a session: a panel per pillar, an axis per question from the
// negative to the positive end, the cursor where the argument log left it (it slides when an
// argument moves it), the previous session's cursor as a ring, and a black ball before the
// priority or very significant axes. Each row also says its value in text.
import { h, s } from '../../app/h';
import { t } from '../../app/i18n';
import type { AnswerValue, Grid, GridSection } from './api';
import { scaleOf, shortOf, signed, text } from './labels';

export interface BoardState {
  positions: Record<string, number>;
  answers: Record<string, AnswerValue>;
  previous?: Record<string, AnswerValue> | null;
}

export interface BoardOptions {
  selected?: string | null;
  onSelect?: (code: string) => void;
  large?: boolean;
}

const W = 240; // the axis drawing's own units
const PAD = 10;

function x(value: number, min: number, max: number): number {
  return PAD + ((value - min) / (max - min)) * (W - 2 * PAD);
}

function axis(min: number, max: number, neutral: number): SVGElement {
  const ticks = [];
  for (let v = Math.ceil(min); v <= max; v++) {
    const len = v === neutral ? 7 : 3;
    ticks.push(s('line', { x1: x(v, min, max), x2: x(v, min, max), y1: 12 - len, y2: 12 + len, class: v === neutral ? 'mai-board__neutral' : 'mai-board__tick' }));
  }
  return s('svg', { class: 'mai-board__axis', viewBox: `0 0 ${W} 24`, 'aria-hidden': 'true', focusable: 'false', preserveAspectRatio: 'none' },
    s('line', { x1: PAD, x2: W - PAD, y1: 12, y2: 12, class: 'mai-board__line' }),
    ...ticks,
    s('circle', { cx: 0, cy: 12, r: 6, class: 'mai-board__previous', 'data-role': 'previous' }),
    s('circle', { cx: 0, cy: 12, r: 7.5, class: 'mai-board__cursor', 'data-role': 'cursor' }));
}

function flagged(a: AnswerValue | undefined): boolean {
  return !!a && (a.priority || a.significant);
}

/** The value text of a row: position, black ball and what the group did, for everyone. */
function valueText(position: number, answer: AnswerValue | undefined): string {
  const argued = (answer?.arguments ?? 0) > 0;
  return argued ? signed(position) : t('evaluation.board.not_discussed');
}

function row(grid: Grid, section: GridSection, code: string, options: BoardOptions): HTMLElement {
  const doc = grid.definition!;
  const item = (section.items ?? []).find((i) => i.code === code)!;
  const sc = scaleOf(doc, item);
  const label = `${code}  ${shortOf(grid, code)}`;
  const name = options.onSelect
    ? h('button', { type: 'button', class: 'mai-board__label', 'aria-pressed': String(options.selected === code), onclick: () => options.onSelect?.(code) }, label)
    : h('span', { class: 'mai-board__label' }, label);
  return h('li', { class: 'mai-board__row', 'data-item': code, 'data-min': sc.min ?? -5, 'data-max': sc.max ?? 5, 'data-neutral': sc.neutral ?? 0 },
    h('span', { class: 'mai-board__ball', 'aria-hidden': 'true' }),
    name,
    axis(sc.min ?? -5, sc.max ?? 5, sc.neutral ?? 0),
    h('span', { class: 'mai-board__value', 'aria-live': 'off' }));
}

/** Builds the board; call updateBoard() with each new state. */
export function boardView(grid: Grid, state: BoardState, options: BoardOptions = {}): HTMLElement {
  const doc = grid.definition!;
  const board = h('div', { class: ['mai-board', options.large ? 'mai-board--large' : ''] },
    doc.sections.map((section) => {
      const id = `board-${section.code}`;
      return h('section', { class: 'mai-board__pillar', 'aria-labelledby': id },
        h('h2', { class: 'mai-board__title', id }, text(section.label)),
        h('ol', { class: 'mai-board__axes' },
          (section.items ?? []).filter((i) => scaleOf(doc, i).kind === 'cursor').map((i) => row(grid, section, i.code, options))));
    }));
  updateBoard(board, state, options.selected ?? null);
  return board;
}

/** Moves the cursors, rings, balls and texts to `state` (the cursors slide there). */
export function updateBoard(board: HTMLElement, state: BoardState, selected: string | null): void {
  board.querySelectorAll<HTMLElement>('.mai-board__row').forEach((r) => {
    const code = r.dataset.item!;
    const min = Number(r.dataset.min), max = Number(r.dataset.max), neutral = Number(r.dataset.neutral);
    const position = state.positions[code] ?? neutral;
    const answer = state.answers[code];
    const before = state.previous?.[code];
    const cursor = r.querySelector<SVGElement>('[data-role=cursor]')!;
    cursor.style.transform = `translateX(${x(position, min, max)}px)`;
    cursor.classList.toggle('is-idle', !((answer?.arguments ?? 0) > 0));
    const ring = r.querySelector<SVGElement>('[data-role=previous]')!;
    const had = before && typeof before.value === 'number';
    ring.style.display = had ? '' : 'none';
    if (had) ring.style.transform = `translateX(${x(before.value as number, min, max)}px)`;
    const ball = r.querySelector<HTMLElement>('.mai-board__ball')!;
    ball.classList.toggle('is-on', flagged(answer));
    r.classList.toggle('is-selected', selected === code);
    r.querySelector('button.mai-board__label')?.setAttribute('aria-pressed', String(selected === code));
    const flags = [answer?.priority ? t('evaluation.flag.priority') : '', answer?.significant ? t('evaluation.flag.significant') : ''].filter(Boolean);
    const value = r.querySelector<HTMLElement>('.mai-board__value')!;
    value.textContent = valueText(position, answer);
    value.classList.toggle('is-idle', !((answer?.arguments ?? 0) > 0));
    if (flags.length) value.append(h('span', { class: 'fr-sr-only' }, ` (${flags.join(', ')})`));
    if (had) value.append(h('span', { class: 'mai-board__before' }, ` ${t('evaluation.board.before', { value: signed(before.value as number) })}`));
  });
}

/** A legend for the board's marks. */
export function boardLegend(withPrevious: boolean): HTMLElement {
  return h('p', { class: 'mai-board__legend fr-text--sm' },
    h('span', { class: 'mai-board__ball is-on', 'aria-hidden': 'true' }), ` ${t('evaluation.board.legend_ball')} `,
    h('span', { class: 'mai-board__dot', 'aria-hidden': 'true' }), ` ${t('evaluation.board.legend_cursor')}`,
    withPrevious ? [' ', h('span', { class: 'mai-board__ring', 'aria-hidden': 'true' }), ` ${t('evaluation.board.legend_previous')}`] : null);
}
