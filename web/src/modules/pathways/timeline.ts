// The project's timeline: its template's steps as planned (from the start date and the step
// durations) above the steps as lived (from the transition log), with support actions and
// visits as events and a line for today. The same data is in a table beside it.
import { s } from '../../app/h';
import { t } from '../../app/i18n';
import { date, label, stepLabel } from './common';
import type { ProjectDetail } from './types';

const DAY = 86400000;
const WIDTH = 960;
const LEFT = 90;
const ROW = 34;

function ms(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`);
}

export function timeline(d: ProjectDetail, todayIso: string): SVGElement {
  const today = ms(todayIso);
  const times = [
    ...d.plan.flatMap((p) => [ms(p.start), ms(p.end)]),
    ...d.stays.map((x) => ms(x.start)),
    ...d.actions.map((a) => ms(a.on_date)),
    ...d.visits.map((v) => ms(v.due_on)),
    today,
  ];
  const from = Math.min(...times) - 7 * DAY;
  const to = Math.max(...times) + 7 * DAY;
  const x = (time: number) => LEFT + ((time - from) / (to - from)) * (WIDTH - LEFT - 10);
  const height = ROW * 3 + 40;
  const titleId = `tl-title-${d.project.id}`;
  const descId = `tl-desc-${d.project.id}`;
  const svg = s('svg', { class: 'mai-timeline', viewBox: `0 0 ${WIDTH} ${height}`, role: 'img', 'aria-labelledby': `${titleId} ${descId}` },
    s('title', { id: titleId }, t('pathways.timeline.title', { title: d.project.title })),
    s('desc', { id: descId }, t('pathways.timeline.desc', { planned: d.plan.length, lived: d.stays.length, events: d.actions.length + d.visits.length })));
  // Year ticks.
  const first = new Date(from).getUTCFullYear();
  const last = new Date(to).getUTCFullYear();
  for (let year = first; year <= last + 1; year++) {
    const at = Date.UTC(year, 0, 1);
    if (at < from || at > to) continue;
    svg.append(s('line', { x1: x(at), x2: x(at), y1: 8, y2: height - 18, stroke: 'currentColor', 'stroke-opacity': 0.15 }),
      s('text', { x: x(at) + 3, y: height - 6 }, String(year)));
  }
  const row = (index: number, name: string) => svg.append(s('text', { x: 4, y: 10 + ROW * index + ROW / 2 + 4 }, name));
  row(0, t('pathways.timeline.planned'));
  row(1, t('pathways.timeline.lived'));
  row(2, t('pathways.timeline.events'));
  d.plan.forEach((p, i) => {
    const x0 = x(ms(p.start));
    const w = Math.max(2, x(ms(p.end)) - x0);
    svg.append(s('rect', { class: 'plan', x: x0, y: 14, width: w, height: ROW - 10, rx: 2 },
      s('title', null, `${stepLabel(d.template, p.step)} : ${date(p.start)} → ${date(p.end)}`)));
    if (w > 40) svg.append(s('text', { x: x0 + 3, y: 14 + (ROW - 10) / 2 + 4 + (i % 2 ? 0 : 0) }, String(i + 1)));
  });
  d.stays.forEach((st) => {
    const end = st.end ? ms(st.end) : today;
    const x0 = x(ms(st.start));
    const w = Math.max(2, x(end) - x0);
    const index = d.template.steps.findIndex((x2) => x2.code === st.step);
    svg.append(s('rect', { class: st.end ? 'stay' : 'stay current', x: x0, y: 14 + ROW, width: w, height: ROW - 10, rx: 2 },
      s('title', null, `${stepLabel(d.template, st.step)} : ${date(st.start)} → ${st.end ? date(st.end) : t('pathways.timeline.now')} (${st.days} j)`)));
    if (w > 16) svg.append(s('text', { x: x0 + 3, y: 14 + ROW + (ROW - 10) / 2 + 4, fill: '#fff', style: 'fill:#fff' }, String(index + 1)));
  });
  const eventsY = 14 + 2 * ROW + (ROW - 10) / 2;
  for (const a of d.actions)
    svg.append(s('circle', { class: `event event--${a.kind}`, cx: x(ms(a.on_date)), cy: eventsY, r: 5 },
      s('title', null, `${label('pathway_support_kind', a.kind)} — ${date(a.on_date)}`)));
  for (const v of d.visits) {
    const cx = x(ms(v.due_on));
    const state = v.done_on ? 'visit-done' : v.due_on < todayIso ? 'visit-late' : 'visit';
    svg.append(s('rect', { class: `event event--${state}`, x: cx - 5, y: eventsY - 5, width: 10, height: 10, transform: `rotate(45 ${cx} ${eventsY})` },
      s('title', null, `${t('pathways.visits.one')} — ${date(v.due_on)}${v.done_on ? ` (${t('pathways.visits.done_on', { date: date(v.done_on) })})` : ''}`)));
  }
  svg.append(s('line', { class: 'today', x1: x(today), x2: x(today), y1: 6, y2: height - 18 }),
    s('text', { x: x(today) + 3, y: 10 }, t('pathways.timeline.today')));
  return svg;
}
