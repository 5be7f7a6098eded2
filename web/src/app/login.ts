// The sign-in page.
import { h } from './h';
import { ApiError } from './api';
import { t } from './i18n';
import { login } from './session';
import { errorAlert, inputField } from '../components/forms';
import { pageTitle } from '../components/ui';

export function loginView(onDone: () => void): HTMLElement {
  const form = h('form', { class: 'mai-login__form', novalidate: true, 'aria-describedby': 'login-intro' },
    h('fieldset', { class: 'fr-fieldset' },
      h('legend', { class: 'fr-fieldset__legend' }, t('login.legend'), h('span', { class: 'fr-hint-text' }, t('login.required_hint'))),
      h('div', { class: 'fr-fieldset__element' }, inputField({ name: 'email', label: t('login.email'), hint: t('login.email_hint'), type: 'email', autocomplete: 'username', required: true, spellcheck: false })),
      h('div', { class: 'fr-fieldset__element' }, inputField({ name: 'password', label: t('login.password'), type: 'password', autocomplete: 'current-password', required: true }))),
    h('ul', { class: 'fr-btns-group' },
      h('li', null, h('button', { class: 'fr-btn', type: 'submit' }, t('login.submit')))));

  const status = h('div', { 'aria-live': 'polite' });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const email = String(data.get('email') ?? '').trim();
    const password = String(data.get('password') ?? '');
    status.replaceChildren();
    if (!email || !password) {
      const box = errorAlert(new ApiError(400, 'invalid_input', ''), t('login.missing'));
      status.append(box);
      (form.querySelector(email ? '[name=password]' : '[name=email]') as HTMLInputElement).focus();
      return;
    }
    const button = form.querySelector('button[type=submit]') as HTMLButtonElement;
    button.disabled = true;
    try {
      await login(email, password);
      onDone();
    } catch (err) {
      const wrong = err instanceof ApiError && (err.code === 'unauthorized' || err.code === 'invalid_input');
      status.append(errorAlert(err, wrong ? t('login.wrong') : undefined, wrong ? t('login.failed') : undefined));
      (form.querySelector('[name=password]') as HTMLInputElement).value = '';
      (form.querySelector(wrong ? '[name=email]' : 'button') as HTMLElement).focus();
    } finally {
      button.disabled = false;
    }
  });

  return h('div', { class: 'fr-grid-row fr-grid-row--center' },
    h('div', { class: 'fr-col-12 fr-col-md-8 fr-col-lg-6' },
      pageTitle(t('login.title')),
      h('p', { id: 'login-intro', class: 'fr-text--lead' }, t('login.intro')),
      status,
      form));
}
