// Weekly timetables drawn as week grids: one worker's week across their employers, or one
// member's week across the workers who come; a season at a time when needs are seasonal.
import { h } from '../../app/h';
import { t } from '../../app/i18n';
import type { ViewContext } from '../../app/nav';
import { formatDate, formatNumber } from '../../app/format';
import { selectField } from '../../components/forms';
import { notice, pageTitle } from '../../components/ui';
import { base, groupNav, memberNames, minutesOf, type Assignment, type Group, type Job, type Member, type Need, type PlanSummary, type Result } from './model';
import { boundText } from './plan-view';
import { weekGrid, type GridBlock } from './week-grid';

interface Period { start: string; end: string }

export default async function timetablesView(ctx: ViewContext): Promise<Node> {
  const group = await ctx.api.get<Group>(`${base(ctx)}/groups/${ctx.params.group}`, undefined, ctx.signal);
  ctx.setTitle(t('sharedjobs.timetables.title_named', { name: group.name }));
  const head = [pageTitle(t('sharedjobs.timetables.title_named', { name: group.name })), groupNav(ctx, group, 'timetables')];
  if (!group.current_plan) return h('div', null, ...head, notice(t('sharedjobs.plan.none')));
  const [plan, members, needs, workerNames] = await Promise.all([
    ctx.api.get<{ plan: PlanSummary; result: Result }>(`${base(ctx)}/plans/${group.current_plan}`, undefined, ctx.signal),
    ctx.api.get<Member[]>(`${base(ctx)}/groups/${group.id}/members`, undefined, ctx.signal),
    ctx.api.get<Need[]>(`${base(ctx)}/groups/${group.id}/needs`, undefined, ctx.signal),
    ctx.can('sharedjobs.workers.read')
      ? ctx.api.get<Record<string, string>>(`${base(ctx)}/plans/${group.current_plan}/workers`, undefined, ctx.signal)
      : Promise.resolve({} as Record<string, string>),
  ]);
  const r = plan.result;
  const mNames = memberNames(members);
  const needLabel = new Map(needs.map((n) => [`n${n.id}`, n.label]));
  const worker = (id: string) => workerNames[id] ?? t('sharedjobs.timetables.worker_pseudonym', { id: id.slice(1) });
  const periods = periodsOf(r.jobs);
  const period = periods.find((p) => p.start === ctx.query.get('period')) ?? periods[0];
  const chosenWorker = ctx.query.get('worker') ?? (ctx.query.get('member') ? '' : r.jobs[0]?.worker ?? '');
  const chosenMember = ctx.query.get('member') ?? '';

  const form = h('form', { method: 'get', class: 'fr-mb-3w', 'data-sj-timetable-form': '' },
    h('div', { class: 'fr-grid-row fr-grid-row--gutters' },
      h('div', { class: 'fr-col-12 fr-col-md-4' }, selectField({ name: 'worker', label: t('sharedjobs.timetables.worker'), value: chosenWorker, empty: t('sharedjobs.timetables.none'),
        options: r.jobs.map((j) => ({ value: j.worker, label: worker(j.worker) })) })),
      h('div', { class: 'fr-col-12 fr-col-md-4' }, selectField({ name: 'member', label: t('sharedjobs.timetables.member'), value: chosenMember, empty: t('sharedjobs.timetables.none'),
        options: members.map((m) => ({ value: `m${m.id}`, label: m.name })) })),
      periods.length > 1 ? h('div', { class: 'fr-col-12 fr-col-md-4' }, selectField({ name: 'period', label: t('sharedjobs.timetables.period'), value: period?.start ?? '',
        options: periods.map((p) => ({ value: p.start, label: `${formatDate(p.start)} – ${formatDate(p.end)}` })) })) : null),
    h('button', { class: 'fr-btn fr-btn--secondary', type: 'submit' }, t('sharedjobs.timetables.show')));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const q = new URLSearchParams();
    for (const name of ['worker', 'member', 'period']) {
      const v = (form.querySelector(`[name=${name}]`) as HTMLSelectElement | null)?.value;
      if (v) q.set(name, v);
    }
    ctx.navigate(`${ctx.url.pathname}?${q}`);
  });

  const out: Node[] = [];
  const job = r.jobs.find((j) => j.worker === chosenWorker);
  if (job && period) out.push(workerWeek(job, period, mNames, needLabel, worker(job.worker)));
  if (chosenMember && period) out.push(memberWeek(r.jobs, chosenMember, period, needLabel, worker, mNames.get(chosenMember) ?? chosenMember));
  return h('div', null, ...head, h('p', null, boundText(r)), form, ...out);
}

function periodsOf(jobs: Job[]): Period[] {
  const seen = new Map<string, Period>();
  for (const j of jobs) for (const w of j.weeks) seen.set(w.period_start, { start: w.period_start, end: w.period_end });
  return [...seen.values()].sort((a, b) => a.start.localeCompare(b.start));
}

function active(a: Assignment, p: Period): boolean {
  return a.period_start <= p.start && a.period_end >= p.end;
}

function workerWeek(job: Job, period: Period, members: Map<string, string>, needs: Map<string, string>, name: string): HTMLElement {
  const colours = new Map(job.employers.map((m, i) => [m, i]));
  const blocks: GridBlock[] = job.assignments.filter((a) => active(a, period)).map((a) => ({
    day: a.day, start: minutesOf(a.start), end: minutesOf(a.end),
    title: members.get(a.member) ?? a.member,
    subtitle: `${needs.get(a.need) ?? a.need} · ${a.commune}${a.travel_before_minutes ? ` · ${t('sharedjobs.timetables.travel', { minutes: a.travel_before_minutes })}` : ''}`,
    colour: colours.get(a.member) ?? 0,
  }));
  const week = job.weeks.find((w) => w.period_start === period.start);
  return h('section', { 'data-sj-worker-week': job.worker },
    h('h2', { class: 'fr-h4' }, t('sharedjobs.timetables.worker_week', { name })),
    h('p', null, t('sharedjobs.timetables.worker_totals', {
      hours: formatNumber(week?.hours ?? 0, undefined, 2), target: formatNumber(job.target_hours, undefined, 2),
      travel: week?.travel_minutes ?? 0, employers: job.employers.length,
    })),
    weekGrid(t('sharedjobs.timetables.worker_week', { name }), blocks),
    h('h3', { class: 'fr-h6' }, t('sharedjobs.why.title')),
    h('ul', { 'data-sj-why': '' }, job.why.map((w) => h('li', null, t('sharedjobs.why.line', {
      need: needs.get(w.need) ?? w.need, skills: w.matched_skills.join(', '), minutes: w.home_to_site_minutes,
      others: Math.max(0, w.eligible_workers - 1),
    }), w.target_reached ? ` ${t('sharedjobs.why.target')}` : ''))));
}

function memberWeek(jobs: Job[], member: string, period: Period, needs: Map<string, string>, worker: (id: string) => string, name: string): HTMLElement {
  const blocks: GridBlock[] = [];
  jobs.forEach((j, i) => {
    for (const a of j.assignments)
      if (a.member === member && active(a, period))
        blocks.push({ day: a.day, start: minutesOf(a.start), end: minutesOf(a.end), title: worker(j.worker), subtitle: needs.get(a.need) ?? a.need, colour: i });
  });
  return h('section', { 'data-sj-member-week': member, class: 'fr-mt-4w' },
    h('h2', { class: 'fr-h4' }, t('sharedjobs.timetables.member_week', { name })),
    blocks.length ? weekGrid(t('sharedjobs.timetables.member_week', { name }), blocks) : notice(t('sharedjobs.timetables.member_empty')));
}
