// Routing suggestions for a project: mentors, experts or peer tutors ranked by subject ×
// sector × distance × capacity × experience with a load-spreading boost, every factor drawn
// as a bar with what it measured, and the coordinator's confirmation.
import { h } from '../../app/h';
import { has, t } from '../../app/i18n';
import { formatNumber } from '../../app/format';
import { loadEnums } from '../../app/enums';
import type { ViewContext } from '../../app/nav';
import { showFormError, textareaField } from '../../components/forms';
import { breadcrumb, notice, pageTitle } from '../../components/ui';
import { apiBase, label } from './common';
import type { Candidate, Factor, Project, ProjectDetail, Suggestions } from './types';

const KINDS = ['mentoring', 'expert', 'tutoring'] as const;

/** What a factor measured, in words. */
export function explain(f: Factor, s: Suggestions): string {
  const m = f.measure ?? 0;
  switch (f.code) {
    case 'subject':
      return f.matched.length ? t('pathways.factor_detail.subject', { subjects: f.matched.map((c) => label('pathway_subject', c)).join(', ') }) : t('pathways.factor_detail.subject_none');
    case 'sector':
      return f.value >= 1 ? t('pathways.factor_detail.sector_same', { sector: s.project.sector ?? '' }) : f.value > 0 ? t('pathways.factor_detail.sector_section') : t('pathways.factor_detail.sector_other');
    case 'distance':
      return f.measure === null ? t('pathways.factor_detail.distance_unknown') : t('pathways.factor_detail.distance', { km: formatNumber(m, undefined, 1) });
    case 'capacity':
      return t('pathways.factor_detail.capacity', { count: m });
    case 'experience':
      return t('pathways.factor_detail.experience', { count: m });
    case 'legal_form':
      return f.value > 0 ? t('pathways.factor_detail.legal_form_same') : t('pathways.factor_detail.legal_form_other');
    case 'load_boost':
      return t('pathways.factor_detail.load_boost', { count: m });
    default:
      return '';
  }
}

function factorName(code: string): string {
  return has(`pathways.factor.${code}`) ? t(`pathways.factor.${code}`) : code;
}

function factorList(c: Candidate, s: Suggestions): HTMLElement {
  return h('ul', { class: 'mai-factors', 'aria-label': t('pathways.routing.factors_of', { name: c.name }) },
    c.factors.map((f) => h('li', { 'data-factor': f.code },
      h('span', null, factorName(f.code)),
      h('span', { class: `mai-bar${f.code === 'load_boost' ? ' mai-bar--boost' : ''}`, 'aria-hidden': 'true' },
        h('span', { style: `width: ${f.weight > 0 ? Math.round((100 * f.points) / f.weight) : 0}%` })),
      h('span', null, `${formatNumber(f.points, undefined, 1)} / ${formatNumber(f.weight, undefined, 0)}`,
        h('span', { class: 'fr-sr-only' }, ` ${t('pathways.routing.points')}`)),
      h('span', { class: 'fr-hint-text', style: 'grid-column: 1 / -1; margin: 0 0 0.25rem' }, explain(f, s)))));
}

export default async function routingView(ctx: ViewContext): Promise<Node> {
  await loadEnums();
  const base = apiBase(ctx);
  const id = encodeURIComponent(ctx.params.id);
  const kind = (KINDS as readonly string[]).includes(ctx.query.get('kind') ?? '') ? ctx.query.get('kind')! : 'mentoring';
  const asked = ctx.query.get('subjects') ?? '';
  const [detail, s] = await Promise.all([
    ctx.api.get<ProjectDetail>(`${base}/projects/${id}`, undefined, ctx.signal),
    ctx.api.get<Suggestions>(`${base}/projects/${id}/routing`, { kind, subjects: asked || undefined, limit: 10 }, ctx.signal),
  ]);
  const project: Project = detail.project;
  ctx.setTitle(t('pathways.routing.title_of', { title: project.title }));
  const page = h('div');

  const subjects = h('fieldset', { class: 'fr-fieldset', 'aria-describedby': 'subjects-hint' },
    h('legend', { class: 'fr-fieldset__legend' }, t('pathways.routing.subjects')),
    h('p', { id: 'subjects-hint', class: 'fr-hint-text fr-fieldset__element' }, t('pathways.routing.subjects_hint')),
    ...['business_model', 'business_plan', 'market_analysis', 'communication', 'legal_form', 'statutes', 'governance', 'financing_plan',
      'fundraising', 'accounting', 'management_tools', 'human_resources', 'growth', 'commercial_development', 'community_engagement',
      'partnerships', 'public_procurement', 'farm_test', 'organic_farming', 'rural_tourism']
      .map((code) => h('div', { class: 'fr-fieldset__element fr-fieldset__element--inline' },
        h('div', { class: 'fr-checkbox-group fr-checkbox-group--sm' },
          h('input', { type: 'checkbox', id: `subject-${code}`, name: 'subjects', value: code, checked: s.subjects.includes(code) }),
          h('label', { class: 'fr-label', for: `subject-${code}` }, label('pathway_subject', code))))));
  const search = h('form', { class: 'fr-mb-3w', role: 'search', 'aria-label': t('pathways.routing.search') },
    kind !== 'tutoring' ? subjects : null,
    h('button', { class: 'fr-btn fr-btn--secondary', type: 'submit' }, t('pathways.routing.rank')));
  search.addEventListener('submit', (e) => {
    e.preventDefault();
    const chosen = Array.from(search.querySelectorAll<HTMLInputElement>('input[name=subjects]:checked')).map((i) => i.value);
    ctx.navigate(ctx.href(`pathways/projects/${project.id}/routing?kind=${kind}&subjects=${encodeURIComponent(chosen.join(','))}`));
  });

  const confirmForm = (c: Candidate) => {
    const form = h('form', { novalidate: true, class: 'fr-mt-2w' },
      kind === 'mentoring' ? textareaField({ name: 'objectives', label: t('pathways.routing.objectives'), rows: 2, required: true }) : null,
      h('button', { class: 'fr-btn', type: 'submit', 'data-confirm': String(c.id) }, t('pathways.routing.confirm', { name: c.name })));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const objectives = String((form.querySelector('textarea') as HTMLTextAreaElement | null)?.value ?? '')
        .split('\n').map((x) => x.trim()).filter(Boolean);
      const body = {
        kind,
        mentor_id: kind === 'tutoring' ? null : c.id,
        tutor_actor_id: kind === 'tutoring' ? c.id : null,
        objectives,
        factors: { score: c.score, rank: c.rank, factors: c.factors, weights: s.weights, subjects: s.subjects },
      };
      try {
        await ctx.api.post(`${base}/projects/${project.id}/mentorships`, body);
        ctx.navigate(ctx.href(`pathways/projects/${project.id}`));
      } catch (err) {
        showFormError(form, err);
      }
    });
    return form;
  };

  const card = (c: Candidate) => h('article', { class: 'mai-candidate', 'aria-labelledby': `cand-${c.id}`, 'data-candidate': String(c.id) },
    h('div', { class: 'mai-page-head' },
      h('h3', { id: `cand-${c.id}` }, `${c.rank}. ${c.name}`),
      h('p', { class: 'mai-candidate__score' }, t('pathways.routing.score', { score: formatNumber(c.score, undefined, 1) }))),
    c.mentor ? h('p', { class: 'fr-text--sm' }, [
      c.mentor.actor_name, c.mentor.commune_name,
      t('pathways.mentors.load', { current: c.mentor.current, capacity: c.mentor.capacity }),
      c.mentor.subjects.map((x) => label('pathway_subject', x)).join(', '),
    ].filter(Boolean).join(' · ')) : null,
    c.actor ? h('p', { class: 'fr-text--sm' }, [label('actor_kind', c.actor.kind), c.actor.naf].filter(Boolean).join(' · ')) : null,
    factorList(c, s),
    ctx.can('pathways.manage') ? confirmForm(c) : null);

  page.append(h('div', null,
    breadcrumb([{ label: t('pathways.kanban.title'), href: ctx.href('pathways') }, { label: project.title, href: ctx.href(`pathways/projects/${project.id}`) }, { label: t('pathways.routing.title') }]),
    pageTitle(t('pathways.routing.title_of', { title: project.title })),
    h('nav', { class: 'mai-pw-tabs fr-mb-3w', 'aria-label': t('pathways.routing.kinds') },
      h('ul', null, KINDS.map((k) => h('li', null, h('a', { class: 'fr-link', href: ctx.href(`pathways/projects/${project.id}/routing?kind=${k}`), 'aria-current': k === kind ? 'page' : undefined }, t(`pathways.routing.kind_${k}`)))))),
    h('p', null, t(`pathways.routing.explain_${kind}`)),
    search,
    h('p', { role: 'status' }, t('pathways.routing.summary', { considered: s.considered, full: s.excluded_full, off: s.excluded_subject })),
    !ctx.can('pathways.manage') ? notice(t('pathways.routing.coordinator_only')) : null,
    h('h2', { class: 'fr-h4' }, t('pathways.routing.candidates')),
    s.candidates.length ? h('div', null, s.candidates.map(card)) : h('p', null, t('pathways.routing.none'))));
  return page;
}

