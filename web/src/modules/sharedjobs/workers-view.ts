// The group's workers (personal data: this page needs sharedjobs.workers.read, each read logged).
import { h } from '../../app/h';
import { t } from '../../app/i18n';
import type { ViewContext } from '../../app/nav';
import { formatNumber } from '../../app/format';
import { autocompleteField } from '../../components/autocomplete';
import { clearErrors, fieldset, formValues, inputField, showFieldError, showFormError } from '../../components/forms';
import { communeSuggestions } from '../../components/territory';
import { pageTitle, table } from '../../components/ui';
import { base, groupNav, windowText, type Group, type Worker } from './model';
import { windowsField } from './windows-field';

export default async function workersView(ctx: ViewContext): Promise<Node> {
  const group = await ctx.api.get<Group>(`${base(ctx)}/groups/${ctx.params.group}`, undefined, ctx.signal);
  ctx.setTitle(t('sharedjobs.workers.title_named', { name: group.name }));
  const workers = await ctx.api.get<Worker[]>(`${base(ctx)}/groups/${group.id}/workers`, undefined, ctx.signal);
  const writable = ctx.can('sharedjobs.workers.write');
  return h('div', null,
    pageTitle(t('sharedjobs.workers.title_named', { name: group.name })),
    groupNav(ctx, group, 'workers'),
    h('p', { class: 'fr-hint-text' }, t('sharedjobs.workers.privacy')),
    table(t('sharedjobs.workers.caption'), [
      { header: t('sharedjobs.col.worker'), cell: (w: Worker) => w.name },
      { header: t('sharedjobs.col.skills'), cell: (w: Worker) => w.skills.join(', ') },
      { header: t('sharedjobs.col.home'), cell: (w: Worker) => w.home_commune },
      { header: t('sharedjobs.col.target'), cell: (w: Worker) => `${formatNumber(w.min_hours, undefined, 1)} – ${formatNumber(w.target_hours, undefined, 1)}`, numeric: true },
      { header: t('sharedjobs.col.availability'), cell: (w: Worker) => w.availability.map(windowText).join(', ') },
      ...(writable ? [{ header: t('sharedjobs.col.actions'), cell: (w: Worker) => h('button', {
        class: 'fr-btn fr-btn--tertiary fr-btn--sm', type: 'button', 'aria-label': t('sharedjobs.action.remove_named', { name: w.name }),
        onclick: async () => { await ctx.api.del(`${base(ctx)}/workers/${w.id}`); ctx.navigate(ctx.url.pathname, { replace: true }); },
      }, t('sharedjobs.action.remove')) }] : []),
    ], workers),
    writable ? workerForm(ctx, group) : null);
}

function workerForm(ctx: ViewContext, group: Group): HTMLElement {
  const weekdays = (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) => ({ day, start: '07:00', end: '19:00' }));
  const availability = windowsField('availability', t('sharedjobs.field.availability'), weekdays);
  const home = autocompleteField({ name: 'home_commune', label: t('sharedjobs.field.home_commune'), search: communeSuggestions, value: null });
  const form = h('form', { novalidate: true, 'data-sj-worker-form': '', class: 'fr-mt-4w' },
    h('h2', { class: 'fr-h4' }, t('sharedjobs.workers.add')),
    fieldset(t('sharedjobs.workers.who'),
      inputField({ name: 'name', label: t('sharedjobs.field.name'), required: true, autocomplete: 'off' }),
      home.element,
      inputField({ name: 'skills', label: t('sharedjobs.field.worker_skills'), hint: t('sharedjobs.field.worker_skills_hint'), required: true })),
    fieldset(t('sharedjobs.workers.contract'),
      inputField({ name: 'target_hours', label: t('sharedjobs.field.target_hours'), type: 'number', step: '0.25', min: 0, value: 35 }),
      inputField({ name: 'min_hours', label: t('sharedjobs.field.min_hours'), type: 'number', step: '0.25', min: 0, value: 24 }),
      inputField({ name: 'max_travel_minutes', label: t('sharedjobs.field.max_travel'), type: 'number', step: '5', min: 0, value: 45 }),
      inputField({ name: 'max_employers', label: t('sharedjobs.field.max_employers'), type: 'number', step: '1', min: 1, max: 8, value: 3 })),
    availability.element,
    h('button', { class: 'fr-btn', type: 'submit' }, t('sharedjobs.action.add_worker')));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    const v = formValues(form);
    const commune = await home.resolve();
    if (!commune) {
      showFieldError(form, 'home_commune', t('sharedjobs.workers.commune_unknown'));
      return;
    }
    try {
      await ctx.api.post(`${base(ctx)}/groups/${group.id}/workers`, {
        name: v.name, home_commune: commune,
        skills: String(v.skills || '').split(',').map((x) => x.trim()).filter(Boolean),
        target_hours: Number(v.target_hours), min_hours: Number(v.min_hours),
        max_travel_minutes: Number(v.max_travel_minutes), max_employers: Number(v.max_employers),
        availability: availability.values(),
      });
      ctx.navigate(ctx.url.pathname + '?added=1', { replace: true });
    } catch (err) {
      showFormError(form, err);
    }
  });
  return form;
}
