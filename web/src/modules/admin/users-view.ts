// Users and roles of the pole: change a role, remove someone, add a person.
import { h, nextId } from '../../app/h';
import { localized, t } from '../../app/i18n';
import type { ViewContext } from '../../app/nav';
import type { PoleUser, Role } from '../../app/types';
import { enumValues, loadEnums } from '../../app/enums';
import { permissionLabelKey, permissionsOf } from '../../app/permissions';
import { errorAlert, fieldset, formValues, inputField, selectField, showFormError } from '../../components/forms';
import { notice, pageTitle, table } from '../../components/ui';

const ROLES: Role[] = ['admin', 'coordinator', 'counsellor', 'member', 'observer'];

export default async function usersView(ctx: ViewContext): Promise<Node> {
  const base = `/api/poles/${encodeURIComponent(ctx.pole.slug)}/users`;
  await loadEnums().catch(() => undefined);
  const roleLabel = (r: string) => localized(enumValues('role').find((v) => v.code === r)?.label, t(`admin.role.${r}`));
  const roleOptions = ROLES.map((r) => ({ value: r, label: roleLabel(r) }));
  const status = h('div', { 'aria-live': 'polite' });
  const list = h('div');

  const render = async (message?: string) => {
    const users = await ctx.api.get<PoleUser[]>(base, undefined, ctx.signal);
    users.sort((a, b) => (a.name || a.email).localeCompare(b.name || b.email));
    status.replaceChildren(...(message ? [notice(message, 'success')] : []));
    list.replaceChildren(table<PoleUser>(t('admin.users.caption', { pole: ctx.pole.name }), [
      { header: t('admin.users.name'), cell: (u) => u.name },
      { header: t('admin.users.email'), cell: (u) => u.email },
      { header: t('admin.users.role'), cell: (u) => roleSelect(u) },
      { header: t('admin.users.actions'), cell: (u) => removeButton(u) },
    ], users, { hideCaption: true }));
  };

  const roleSelect = (u: PoleUser) => {
    const id = nextId('role');
    const select = h('select', { class: 'fr-select', id, 'data-user': u.id },
      roleOptions.map((o) => h('option', { value: o.value }, o.label)));
    select.value = u.role;
    select.addEventListener('change', async () => {
      try {
        await ctx.api.put(`${base}/${u.id}`, { role: select.value });
        await render(t('admin.users.role_changed', { name: u.name || u.email, role: roleLabel(select.value) }));
      } catch (err) {
        status.replaceChildren(errorAlert(err));
        select.value = u.role;
      }
    });
    return h('div', { class: 'fr-select-group fr-mb-0' },
      h('label', { class: 'fr-label fr-sr-only', for: id }, t('admin.users.role_of', { name: u.name || u.email })), select);
  };

  const removeButton = (u: PoleUser) => h('button', {
    class: 'fr-btn fr-btn--sm fr-btn--tertiary fr-icon-delete-line fr-btn--icon-left', type: 'button',
    onclick: async () => {
      const self = u.id === ctx.user.id;
      if (!confirm(t(self ? 'admin.users.remove_self_confirm' : 'admin.users.remove_confirm', { name: u.name || u.email, pole: ctx.pole.name }))) return;
      try {
        await ctx.api.del(`${base}/${u.id}`);
        await render(t('admin.users.removed', { name: u.name || u.email }));
      } catch (err) {
        status.replaceChildren(errorAlert(err));
      }
    },
  }, t('admin.users.remove'), h('span', { class: 'fr-sr-only' }, ` ${u.name || u.email}`));

  const form = h('form', { novalidate: true },
    fieldset(t('admin.users.add_legend'),
      inputField({ name: 'email', label: t('admin.users.email'), type: 'email', required: true, autocomplete: 'off', spellcheck: false }),
      inputField({ name: 'name', label: t('admin.users.name'), autocomplete: 'off' }),
      inputField({ name: 'password', label: t('admin.users.password'), hint: t('admin.users.password_hint'), type: 'password', autocomplete: 'new-password' }),
      selectField({ name: 'role', label: t('admin.users.role'), required: true, value: 'member', options: roleOptions })),
    h('button', { class: 'fr-btn fr-icon-user-add-line fr-btn--icon-left', type: 'submit' }, t('admin.users.add')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const v = formValues(form);
    const body: Record<string, string> = { email: String(v.email).trim(), name: String(v.name).trim(), role: String(v.role) };
    if (v.password) body.password = String(v.password);
    try {
      await ctx.api.post(base, body);
      form.reset();
      await render(t('admin.users.added', { name: body.name || body.email }));
    } catch (err) {
      showFormError(form, err);
    }
  });

  await render();
  return h('div', null,
    pageTitle(t('admin.users.title')),
    h('p', { class: 'fr-text--lead' }, t('admin.users.intro', { pole: ctx.pole.name })),
    status,
    list,
    h('h2', { class: 'fr-h4 fr-mt-4w' }, t('admin.users.add_title')),
    form,
    h('h2', { class: 'fr-h4 fr-mt-4w' }, t('admin.users.roles_title')),
    table(t('admin.users.roles_title'), [
      { header: t('admin.users.role'), cell: (r: Role) => roleLabel(r) },
      { header: t('admin.users.permissions'), cell: (r: Role) => permissionsOf(r).map((p) => t(permissionLabelKey(p))).join(' · ') },
    ], ROLES, { hideCaption: true }));
}
