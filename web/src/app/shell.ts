// The application shell: skip links, the DSFR header (service name, pole switcher, language
// switcher, account, one navigation entry per module), the main region and the footer.
import { h, replace } from './h';
import { LOCALES, LOCALE_NAMES, locale, t, type Locale } from './i18n';
import type { AppModule, NavEntry } from './nav';
import type { User, UserPole } from './types';

export interface ShellState {
  user: User | null;
  pole: UserPole | null;
  poles: UserPole[];
  nav: Array<{ module: AppModule; entry: NavEntry }>;
  /** Current pathname, to mark the current navigation entry. */
  path: string;
}

export interface ShellHandlers {
  onLocale(locale: Locale): void;
  onPole(slug: string): void;
  onLogout(): void;
}

export interface Shell {
  root: HTMLElement;
  main: HTMLElement;
  update(state: ShellState): void;
}

export function createShell(root: HTMLElement, handlers: ShellHandlers): Shell {
  const header = h('header', { role: 'banner', class: 'fr-header' });
  const main = h('main', { id: 'main', role: 'main', class: 'fr-container fr-py-4w', tabindex: '-1' });
  const footer = h('footer', { class: 'fr-footer', role: 'contentinfo', id: 'footer' });
  const skip = h('div', { class: 'fr-skiplinks' });
  replace(root, skip, header, main, footer);
  return {
    root,
    main,
    update(state) {
      replace(skip, skipLinks(state));
      replace(header, ...headerContent(state, handlers));
      replace(footer, footerContent());
    },
  };
}

function skipLinks(state: ShellState): HTMLElement {
  return h('nav', { class: 'fr-container', role: 'navigation', 'aria-label': t('shell.skiplinks_label') },
    h('ul', { class: 'fr-skiplinks__list' },
      h('li', null, h('a', { class: 'fr-link', href: '#main' }, t('shell.skip_content'))),
      state.nav.length ? h('li', null, h('a', { class: 'fr-link', href: '#navigation' }, t('shell.skip_menu'))) : null,
      h('li', null, h('a', { class: 'fr-link', href: '#footer' }, t('shell.skip_footer')))));
}

/** Whether the navigation entry `href` is the current section for `path`. */
export function isCurrent(href: string, path: string, home: string): boolean {
  if (href === home) return path === home || path === `${home}/`;
  return path === href || path.startsWith(`${href}/`);
}

function headerContent(state: ShellState, handlers: ShellHandlers): HTMLElement[] {
  const home = state.pole ? `/p/${state.pole.slug}` : '/';
  const tools: HTMLElement[] = [];

  if (state.user && state.poles.length) {
    const select = h('select', { class: 'fr-select', id: 'pole-switcher', name: 'pole' },
      state.poles.map((p) => h('option', { value: p.slug }, p.name)));
    select.value = state.pole?.slug ?? '';
    if (!state.pole) select.prepend(h('option', { value: '', disabled: true }, t('shell.pole_choose')));
    if (!state.pole) select.value = '';
    select.addEventListener('change', () => select.value && handlers.onPole(select.value));
    tools.push(h('div', { class: 'fr-select-group mai-pole-switcher' },
      h('label', { class: 'fr-label', for: 'pole-switcher' }, t('shell.pole_label')), select));
  }

  const buttons = h('ul', { class: 'fr-btns-group' });
  if (state.user) {
    buttons.append(
      h('li', null, h('span', { class: 'fr-btn fr-btn--tertiary-no-outline fr-icon-account-circle-line mai-user', title: state.user.email }, state.user.name || state.user.email)),
      h('li', null, h('button', { class: 'fr-btn fr-icon-logout-box-r-line', type: 'button', 'data-action': 'logout', onclick: handlers.onLogout }, t('shell.logout'))));
  }
  tools.push(buttons);

  const current = locale();
  const translate = h('nav', { role: 'navigation', class: 'fr-translate fr-nav', 'aria-label': t('shell.language_label') },
    h('div', { class: 'fr-nav__item' },
      h('button', {
        class: 'fr-translate__btn fr-btn fr-btn--tertiary', 'aria-controls': 'translate-menu', 'aria-expanded': 'false',
        title: t('shell.language_choose'), type: 'button', id: 'language-button',
      }, current.toUpperCase(), h('span', { class: 'fr-hidden-lg' }, ` - ${LOCALE_NAMES[current]}`)),
      h('div', { class: 'fr-collapse fr-translate__menu fr-menu', id: 'translate-menu' },
        h('ul', { class: 'fr-menu__list' },
          LOCALES.map((l) => h('li', null, h('button', {
            class: 'fr-translate__language fr-nav__link', type: 'button', lang: l, 'data-locale': l,
            'aria-current': l === current ? 'true' : undefined,
            onclick: () => handlers.onLocale(l),
          }, `${l.toUpperCase()} - ${LOCALE_NAMES[l]}`)))))));

  const navList = h('ul', { class: 'fr-nav__list' },
    state.nav.map(({ module, entry }) => {
      const href = entry.path ? `${home}/${entry.path}` : home;
      return h('li', { class: 'fr-nav__item' },
        h('a', { class: 'fr-nav__link', href, 'data-module': module.id, 'aria-current': isCurrent(href, state.path, home) ? 'page' : undefined }, t(module.navLabelKey)));
    }));

  const body = h('div', { class: 'fr-header__body' },
    h('div', { class: 'fr-container' },
      h('div', { class: 'fr-header__body-row' },
        h('div', { class: 'fr-header__brand fr-enlarge-link' },
          h('div', { class: 'fr-header__brand-top' },
            h('div', { class: 'fr-header__navbar' },
              h('button', { class: 'fr-btn--menu fr-btn', 'data-fr-opened': 'false', 'aria-controls': 'modal-menu', 'aria-haspopup': 'dialog', id: 'button-menu', title: t('shell.menu'), type: 'button' }, t('shell.menu')))),
          h('div', { class: 'fr-header__service' },
            h('a', { href: home, title: t('shell.home_title') },
              h('p', { class: 'fr-header__service-title' }, 'Maillage')),
            h('p', { class: 'fr-header__service-tagline' }, state.pole ? state.pole.name : t('shell.tagline')))),
        h('div', { class: 'fr-header__tools' },
          h('div', { class: 'fr-header__tools-links' }, ...tools, translate)))));

  const menu = h('div', { class: 'fr-header__menu fr-modal', id: 'modal-menu', 'aria-labelledby': 'button-menu' },
    h('div', { class: 'fr-container' },
      h('button', { class: 'fr-btn--close fr-btn', 'aria-controls': 'modal-menu', title: t('shell.close'), type: 'button' }, t('shell.close')),
      h('div', { class: 'fr-header__menu-links' }),
      state.nav.length ? h('nav', { class: 'fr-nav', id: 'navigation', role: 'navigation', 'aria-label': t('shell.nav_label') }, navList) : null));

  return [body, menu];
}

function footerContent(): HTMLElement {
  return h('div', { class: 'fr-container' },
    h('div', { class: 'fr-footer__body' },
      h('div', { class: 'fr-footer__brand' },
        h('p', { class: 'fr-footer__brand-link mai-footer-name' }, 'Maillage')),
      h('div', { class: 'fr-footer__content' },
        h('p', { class: 'fr-footer__content-desc' }, t('shell.footer_desc')))),
    h('div', { class: 'fr-footer__bottom' },
      h('ul', { class: 'fr-footer__bottom-list' },
        h('li', { class: 'fr-footer__bottom-item' }, h('span', { class: 'fr-footer__bottom-link' }, t('shell.footer_licence'))))));
}
