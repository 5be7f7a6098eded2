// An actor's Grille I card in short (the latest text of each field), as the graph's panel
// shows it when an actor is clicked.
import { h } from '../../app/h';
import { localized, t } from '../../app/i18n';
import { formatDate } from '../../app/format';
import type { Card, NetworkRules } from './model';

export function cardSummary(rules: NetworkRules, card: Card): HTMLElement {
  const filled = card.fields.filter((f) => f.current || f.earlier);
  if (!filled.length) return h('p', { class: 'fr-text--sm' }, t('network.card.empty'));
  return h('dl', { class: 'mai-network-card' }, filled.map((f) => {
    const field = rules.grid.find((g) => g.code === f.field);
    const entry = f.current ?? f.earlier!;
    return [
      h('dt', null, field ? localized(field.label, f.field) : f.field),
      h('dd', null,
        h('span', { class: 'mai-card-text' }, entry.text),
        h('span', { class: 'mai-card-meta' }, ' — ',
          f.current ? t('network.card.signed', { author: entry.author, date: formatDate(entry.created_at) })
            : t('network.card.from_year', { year: entry.year }))),
    ];
  }));
}
