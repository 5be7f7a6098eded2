// Accessible DSFR form fields: every control has a <label>, hints and errors are tied to it
// with aria-describedby, and server-side errors can be shown at the field they name.
import { h, nextId, type Child } from '../app/h';
import { ApiError, fieldErrorText } from '../app/api';
import { has, t } from '../app/i18n';

interface Common {
  name: string;
  label: string;
  hint?: string;
  required?: boolean;
  id?: string;
}

export interface InputOptions extends Common {
  type?: string;
  value?: string | number | null;
  autocomplete?: string;
  inputmode?: string;
  list?: string;
  min?: number;
  max?: number;
  step?: string;
  placeholder?: string;
  spellcheck?: boolean;
}

function labelFor(id: string, o: Common): HTMLLabelElement {
  return h('label', { class: 'fr-label', for: id },
    o.label,
    o.required ? h('span', { class: 'fr-required', 'aria-hidden': 'true' }, ' *') : null,
    o.hint ? h('span', { class: 'fr-hint-text' }, o.hint) : null);
}

export function inputField(o: InputOptions): HTMLDivElement {
  const id = o.id ?? nextId(`f-${o.name}`);
  return h('div', { class: 'fr-input-group', 'data-field': o.name },
    labelFor(id, o),
    h('input', {
      class: 'fr-input', id, name: o.name, type: o.type ?? 'text', value: o.value ?? '',
      required: o.required, autocomplete: o.autocomplete, inputmode: o.inputmode, list: o.list,
      min: o.min, max: o.max, step: o.step, placeholder: o.placeholder,
      spellcheck: o.spellcheck === false ? 'false' : undefined,
    }));
}

export function textareaField(o: Common & { value?: string | null; rows?: number }): HTMLDivElement {
  const id = o.id ?? nextId(`f-${o.name}`);
  return h('div', { class: 'fr-input-group', 'data-field': o.name },
    labelFor(id, o),
    h('textarea', { class: 'fr-input', id, name: o.name, rows: o.rows ?? 4, required: o.required, value: o.value ?? '' }));
}

export interface Option {
  value: string;
  label: string;
  group?: string;
}

export function selectField(o: Common & { value?: string | null; options: Option[]; empty?: string }): HTMLDivElement {
  const id = o.id ?? nextId(`f-${o.name}`);
  const select = h('select', { class: 'fr-select', id, name: o.name, required: o.required });
  if (o.empty !== undefined) select.append(h('option', { value: '' }, o.empty));
  const groups = new Map<string, HTMLOptGroupElement>();
  for (const opt of o.options) {
    const el = h('option', { value: opt.value }, opt.label);
    if (opt.group) {
      let g = groups.get(opt.group);
      if (!g) {
        g = h('optgroup', { label: opt.group });
        groups.set(opt.group, g);
        select.append(g);
      }
      g.append(el);
    } else select.append(el);
  }
  select.value = o.value ?? '';
  return h('div', { class: 'fr-select-group', 'data-field': o.name }, labelFor(id, o), select);
}

export function checkboxField(o: Common & { checked?: boolean }): HTMLDivElement {
  const id = o.id ?? nextId(`f-${o.name}`);
  return h('div', { class: 'fr-checkbox-group', 'data-field': o.name },
    h('input', { type: 'checkbox', id, name: o.name, checked: !!o.checked }),
    h('label', { class: 'fr-label', for: id }, o.label, o.hint ? h('span', { class: 'fr-hint-text' }, o.hint) : null));
}

export function fieldset(legend: string, ...children: Child[]): HTMLFieldSetElement {
  return h('fieldset', { class: 'fr-fieldset' },
    h('legend', { class: 'fr-fieldset__legend' }, legend),
    ...children.map((c) => h('div', { class: 'fr-fieldset__element' }, c)));
}

/** The control of a field group. */
function controlOf(group: Element): HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement | null {
  return group.querySelector('input:not([type=hidden]), select, textarea');
}

/** Removes every error shown in `form`. */
export function clearErrors(form: HTMLElement): void {
  form.querySelectorAll('.fr-error-text[data-generated]').forEach((e) => e.remove());
  form.querySelectorAll('[data-field]').forEach((g) => {
    g.classList.remove('fr-input-group--error', 'fr-select-group--error', 'fr-checkbox-group--error');
    const c = controlOf(g);
    if (c) {
      c.classList.remove('fr-input--error', 'fr-select--error');
      c.removeAttribute('aria-invalid');
      const ids = (c.getAttribute('aria-describedby') ?? '').split(' ').filter((x) => x && !x.endsWith('-error'));
      if (ids.length) c.setAttribute('aria-describedby', ids.join(' '));
      else c.removeAttribute('aria-describedby');
    }
  });
  form.querySelectorAll('[data-form-alert]').forEach((e) => e.remove());
}

/**
 * Shows `message` at the field named `field` (e.g. "siret"; "contacts[1].email" falls back to
 * "email" inside the group data-field="contacts[1]"). Returns the control, or null if the form
 * has no such field.
 */
export function showFieldError(form: HTMLElement, field: string, message: string): HTMLElement | null {
  const group = form.querySelector(`[data-field="${CSS.escape(field)}"]`)
    ?? form.querySelector(`[data-field="${CSS.escape(field.split('.').pop() ?? field)}"]`);
  if (!group) return null;
  const control = controlOf(group);
  const errorId = `${control?.id ?? nextId('field')}-desc-error`;
  if (group.classList.contains('fr-select-group')) group.classList.add('fr-select-group--error');
  else if (group.classList.contains('fr-checkbox-group')) group.classList.add('fr-checkbox-group--error');
  else group.classList.add('fr-input-group--error');
  group.querySelector('.fr-error-text[data-generated]')?.remove();
  group.append(h('p', { class: 'fr-error-text', id: errorId, 'data-generated': '' }, message));
  if (control) {
    control.classList.add(control.tagName === 'SELECT' ? 'fr-select--error' : 'fr-input--error');
    control.setAttribute('aria-invalid', 'true');
    const ids = (control.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
    control.setAttribute('aria-describedby', [...ids, errorId].join(' '));
  }
  return control;
}

/**
 * Shows an error from the server in `form`: at its field when it names one the form has, and
 * in an alert at the top of the form in every case. Focuses the field (or the alert).
 */
export function showFormError(form: HTMLElement, err: unknown): void {
  clearErrors(form);
  let control: HTMLElement | null = null;
  let fieldLabel = '';
  if (err instanceof ApiError && err.field) {
    control = showFieldError(form, err.field, fieldErrorText(err, t, has));
    if (control) fieldLabel = (form.querySelector(`label[for="${CSS.escape(control.id)}"]`)?.firstChild?.textContent ?? err.field).trim();
  }
  const alertBox = errorAlert(err, control ? h('a', { href: `#${control.id}` }, t('errors.see_field', { field: fieldLabel })) : undefined);
  alertBox.setAttribute('data-form-alert', '');
  form.prepend(alertBox);
  if (control) control.focus();
  else {
    alertBox.setAttribute('tabindex', '-1');
    alertBox.focus();
  }
}

/** A DSFR error alert for an error (title from its code, details from the server). */
export function errorAlert(err: unknown, detail?: string | Node, title?: string): HTMLElement {
  const code = err instanceof ApiError ? err.code : 'internal';
  const message: string | Node = detail ?? (err instanceof ApiError && err.message ? err.message : err instanceof Error ? err.message : '');
  return h('div', { class: 'fr-alert fr-alert--error fr-mb-3w', role: 'alert' },
    h('h2', { class: 'fr-alert__title' }, title ?? t(`errors.code.${code}`)),
    message ? h('p', null, message) : null);
}

/** Reads a form's named controls as strings (checkboxes as booleans). */
export function formValues(form: HTMLFormElement): Record<string, string | boolean> {
  const out: Record<string, string | boolean> = {};
  for (const el of Array.from(form.elements)) {
    if (!(el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement) || !el.name) continue;
    out[el.name] = el instanceof HTMLInputElement && el.type === 'checkbox' ? el.checked : el.value;
  }
  return out;
}
