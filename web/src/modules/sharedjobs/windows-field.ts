// Entering weekly time windows: one row per window (day, start, end), rows added and removed.
import { h, nextId } from '../../app/h';
import { t } from '../../app/i18n';
import { DAYS, dayLabel, type Window } from './model';

export interface WindowsField {
  element: HTMLElement;
  values(): Window[];
}

export function windowsField(name: string, legend: string, initial: Window[]): WindowsField {
  const rows = h('div', { class: 'mai-sj-windows' });
  const addRow = (w: Window) => {
    const id = nextId(`${name}-w`);
    const row = h('div', { class: 'fr-grid-row fr-grid-row--gutters fr-mb-1w', 'data-window': '' },
      h('div', { class: 'fr-col-4 fr-select-group' },
        h('label', { class: 'fr-label', for: `${id}-day` }, t('sharedjobs.field.day')),
        h('select', { class: 'fr-select', id: `${id}-day`, 'data-part': 'day' },
          DAYS.map((d) => h('option', { value: d, selected: d === w.day }, dayLabel(d))))),
      h('div', { class: 'fr-col-3 fr-input-group' },
        h('label', { class: 'fr-label', for: `${id}-start` }, t('sharedjobs.field.start')),
        h('input', { class: 'fr-input', type: 'time', step: '900', id: `${id}-start`, value: w.start, 'data-part': 'start' })),
      h('div', { class: 'fr-col-3 fr-input-group' },
        h('label', { class: 'fr-label', for: `${id}-end` }, t('sharedjobs.field.end')),
        h('input', { class: 'fr-input', type: 'time', step: '900', id: `${id}-end`, value: w.end, 'data-part': 'end' })),
      h('div', { class: 'fr-col-2 mai-sj-remove' },
        h('button', {
          type: 'button', class: 'fr-btn fr-btn--tertiary fr-btn--sm fr-mt-4w',
          onclick: () => row.remove(),
        }, t('sharedjobs.action.remove_window'))));
    rows.append(row);
  };
  initial.forEach(addRow);
  const element = h('fieldset', { class: 'fr-fieldset fr-input-group', 'data-field': name },
    h('legend', { class: 'fr-fieldset__legend' }, legend),
    h('input', { type: 'hidden', name: `${name}__anchor` }),
    rows,
    h('button', { type: 'button', class: 'fr-btn fr-btn--secondary fr-btn--sm', onclick: () => addRow({ day: 'mon', start: '08:00', end: '12:00' }) },
      t('sharedjobs.action.add_window')));
  return {
    element,
    values: () => Array.from(rows.querySelectorAll('[data-window]')).map((r) => ({
      day: (r.querySelector('[data-part=day]') as HTMLSelectElement).value as Window['day'],
      start: (r.querySelector('[data-part=start]') as HTMLInputElement).value,
      end: (r.querySelector('[data-part=end]') as HTMLInputElement).value,
    })),
  };
}
