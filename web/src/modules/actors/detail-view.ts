// One actor: identity, identifiers, activity, place, contact details, poles; and, for the
// poles it belongs to, the people recorded as its contacts.
import { h } from '../../app/h';
import { t } from '../../app/i18n';
import { formatDate, formatNumber } from '../../app/format';
import { ApiError } from '../../app/api';
import type { ViewContext } from '../../app/nav';
import type { Actor, Contact } from '../../app/types';
import { enumLabel, loadEnums } from '../../app/enums';
import { errorAlert, fieldset, formValues, inputField, showFormError } from '../../components/forms';
import { breadcrumb, details, notice, pageTitle, table, tag } from '../../components/ui';

export default async function detailView(ctx: ViewContext): Promise<Node> {
  const id = ctx.params.id;
  const [actor] = await Promise.all([
    ctx.api.get<Actor>(`/api/actors/${encodeURIComponent(id)}`, undefined, ctx.signal),
    loadEnums(),
  ]);
  ctx.setTitle(actor.name);
  const inPole = (actor.poles ?? []).some((p) => p.slug === ctx.pole.slug || p.id === ctx.pole.id);
  const saved = ctx.query.get('saved');

  const link = (url: string | null | undefined, label = url) => (url ? h('a', { href: url, rel: 'external noopener', target: '_blank', title: `${label} — ${t('shell.new_window')}` }, label) : '');
  const section = (title: string, rows: Array<[string, Node | string]>) => {
    const list = details(rows);
    return list.childElementCount ? h('section', { class: 'fr-mb-4w' }, h('h2', { class: 'fr-h5' }, title), list) : null;
  };

  const removeButton = inPole && ctx.can('actors.write')
    ? h('button', {
      class: 'fr-btn fr-btn--tertiary fr-icon-delete-line fr-btn--icon-left', type: 'button',
      onclick: async () => {
        if (!confirm(t('actors.detail.remove_confirm', { name: actor.name, pole: ctx.pole.name }))) return;
        try {
          await ctx.api.del(`/api/poles/${encodeURIComponent(ctx.pole.slug)}/actors/${actor.id}`);
          ctx.navigate(ctx.href('actors'));
        } catch (err) {
          page.prepend(errorAlert(err));
        }
      },
    }, t('actors.detail.remove'))
    : null;

  const page = h('div', null,
    breadcrumb([{ label: t('actors.directory.title'), href: ctx.href('actors') }, { label: actor.name }]),
    saved ? notice(saved === 'created' ? t('actors.form.created') : t('actors.form.saved'), 'success') : null,
    pageTitle(actor.name),
    h('div', { class: 'fr-tags-group fr-mb-2w' },
      tag(enumLabel('actor_kind', actor.family ?? '') || t('actors.field.kind')),
      tag(enumLabel('actor_kind', actor.kind)),
      actor.public ? tag(t('actors.detail.public')) : null),
    h('div', { class: 'mai-actions' },
      inPole && ctx.can('actors.write') ? h('a', { class: 'fr-btn fr-icon-edit-line fr-btn--icon-left', href: ctx.href(`actors/${actor.id}/edit`) }, t('actors.detail.edit')) : null,
      removeButton),
    !inPole ? notice(t('actors.detail.not_in_pole', { pole: ctx.pole.name })) : null,
    actor.description ? h('p', { class: 'fr-text--lead' }, actor.description) : null,
    section(t('actors.section.identity'), [
      [t('actors.field.kind'), enumLabel('actor_kind', actor.kind)],
      [t('actors.field.legal_form'), enumLabel('legal_form', actor.legal_form)],
      [t('actors.field.level'), enumLabel('level', actor.level)],
      [t('actors.field.nature'), enumLabel('nature', actor.nature)],
    ]),
    section(t('actors.section.identifiers'), [
      [t('actors.field.siren'), actor.siren ?? ''],
      [t('actors.field.siret'), actor.siret ?? ''],
      [t('actors.field.rna'), actor.rna ?? ''],
      [t('actors.field.it_tax_code'), actor.it_tax_code ?? ''],
    ]),
    section(t('actors.section.activity'), [
      [t('actors.field.naf'), actor.naf ?? ''],
      [t('actors.field.headcount'), actor.headcount !== null && actor.headcount !== undefined ? formatNumber(actor.headcount) : ''],
      [t('actors.field.fte'), actor.fte !== null && actor.fte !== undefined ? formatNumber(actor.fte, undefined, 1) : ''],
    ]),
    section(t('actors.section.place'), [
      [t('actors.field.address'), actor.address ?? ''],
      [t('actors.field.commune'), actor.commune ? h('a', { href: ctx.href(`territory/communes/${actor.commune}`) }, actor.commune_name ?? actor.commune) : ''],
    ]),
    section(t('actors.section.contact'), [
      [t('actors.field.website'), link(actor.website)],
      [t('actors.field.email'), actor.email ? h('a', { href: `mailto:${actor.email}` }, actor.email) : ''],
      [t('actors.field.phone'), actor.phone ? h('a', { href: `tel:${actor.phone.replace(/\s/g, '')}` }, actor.phone) : ''],
    ]),
    section(t('actors.section.poles'), [
      [t('actors.field.poles'), (actor.poles ?? []).map((p) => p.name).join(', ')],
      [t('actors.field.created_at'), formatDate(actor.created_at)],
      [t('actors.field.updated_at'), formatDate(actor.updated_at)],
    ]));

  if (inPole && ctx.can('contacts.read')) page.append(await contactsSection(ctx, actor));
  return page;
}

async function contactsSection(ctx: ViewContext, actor: Actor): Promise<HTMLElement> {
  const base = `/api/poles/${encodeURIComponent(ctx.pole.slug)}`;
  const box = h('section', { class: 'fr-mb-4w', 'aria-labelledby': 'contacts-title' });
  const render = async () => {
    let contacts: Contact[] = [];
    let failure: unknown = null;
    try {
      contacts = await ctx.api.get<Contact[]>(`${base}/actors/${actor.id}/contacts`, undefined, ctx.signal);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'forbidden') contacts = [];
      else failure = err;
    }
    box.replaceChildren(
      h('h2', { class: 'fr-h5', id: 'contacts-title' }, t('actors.contacts.title')),
      h('p', { class: 'fr-text--sm' }, t('actors.contacts.privacy', { pole: ctx.pole.name })),
      failure ? errorAlert(failure) : contacts.length
        ? table<Contact>(t('actors.contacts.caption', { name: actor.name }), [
          { header: t('actors.contacts.name'), cell: (c) => c.name },
          { header: t('actors.contacts.function'), cell: (c) => c.function ?? '' },
          { header: t('actors.contacts.email'), cell: (c) => (c.email ? h('a', { href: `mailto:${c.email}` }, c.email) : '') },
          { header: t('actors.contacts.phone'), cell: (c) => c.phone ?? '' },
          ...(ctx.can('contacts.write') ? [{
            header: t('actors.contacts.actions'),
            cell: (c: Contact) => h('button', {
              class: 'fr-btn fr-btn--sm fr-btn--tertiary', type: 'button',
              onclick: async () => {
                if (!confirm(t('actors.contacts.remove_confirm', { name: c.name }))) return;
                await ctx.api.del(`${base}/contacts/${c.id}`).then(render, (err) => box.prepend(errorAlert(err)));
              },
            }, t('actors.contacts.remove'), h('span', { class: 'fr-sr-only' }, ` ${c.name}`)),
          }] : []),
        ], contacts, { hideCaption: true })
        : h('p', null, t('actors.contacts.none')),
      ...(ctx.can('contacts.write') ? [contactForm()] : []));
  };
  const contactForm = () => {
    const form = h('form', { novalidate: true, class: 'fr-mt-2w' },
      fieldset(t('actors.contacts.add_legend'),
        inputField({ name: 'name', label: t('actors.contacts.name'), required: true, autocomplete: 'off' }),
        inputField({ name: 'function', label: t('actors.contacts.function'), autocomplete: 'off' }),
        inputField({ name: 'email', label: t('actors.contacts.email'), type: 'email', autocomplete: 'off' }),
        inputField({ name: 'phone', label: t('actors.contacts.phone'), type: 'tel', autocomplete: 'off' })),
      h('button', { class: 'fr-btn fr-btn--secondary fr-icon-add-line fr-btn--icon-left', type: 'submit' }, t('actors.contacts.add')));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const v = formValues(form);
      const body = {
        name: String(v.name).trim(),
        function: String(v.function).trim() || null,
        email: String(v.email).trim() || null,
        phone: String(v.phone).trim() || null,
      };
      try {
        await ctx.api.post(`${base}/actors/${actor.id}/contacts`, body);
        await render();
        box.querySelector<HTMLElement>('#contacts-title')?.focus();
      } catch (err) {
        showFormError(form, err);
      }
    });
    return form;
  };
  await render();
  box.querySelector('#contacts-title')?.setAttribute('tabindex', '-1');
  return box;
}
