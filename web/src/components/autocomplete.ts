// A text field with suggestions from the server (a <datalist>), holding a code in a hidden
// input: the person types "Tarn", picks "Tarnos (40220)", the form sends "40312".
import { h, nextId } from '../app/h';

export interface Suggestion {
  value: string;
  label: string;
}

export interface AutocompleteOptions {
  name: string;
  label: string;
  hint?: string;
  required?: boolean;
  /** The current code and how to show it. */
  value?: Suggestion | null;
  search: (text: string) => Promise<Suggestion[]>;
  minLength?: number;
}

export interface Autocomplete {
  element: HTMLDivElement;
  /** The chosen code; when the text was typed but not picked, the first suggestion's. */
  resolve(): Promise<string>;
  /** What the person typed. */
  typed(): string;
}

export function autocompleteField(o: AutocompleteOptions): Autocomplete {
  const id = nextId(`f-${o.name}`);
  const listId = `${id}-list`;
  const text = h('input', {
    class: 'fr-input', id, type: 'text', name: `${o.name}__text`, list: listId, autocomplete: 'off',
    value: o.value?.label ?? '', required: o.required, 'data-autocomplete': o.name,
  });
  const hidden = h('input', { type: 'hidden', name: o.name, value: o.value?.value ?? '' });
  const datalist = h('datalist', { id: listId });
  let known = new Map<string, string>(o.value ? [[o.value.label, o.value.value]] : []);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastQuery = '';

  const sync = () => {
    const code = known.get(text.value);
    if (code !== undefined) hidden.value = code;
    else if (!text.value.trim()) hidden.value = '';
    else if (o.value && text.value !== o.value.label) hidden.value = '';
  };

  const refresh = async (q: string) => {
    if (q.length < (o.minLength ?? 2) || q === lastQuery) return;
    lastQuery = q;
    try {
      const list = await o.search(q);
      known = new Map([...known, ...list.map((s) => [s.label, s.value] as [string, string])]);
      datalist.replaceChildren(...list.map((s) => h('option', { value: s.label })));
      sync();
    } catch {
      /* suggestions are a convenience */
    }
  };

  text.addEventListener('input', () => {
    sync();
    clearTimeout(timer);
    const q = text.value.trim();
    if (known.has(text.value)) return;
    timer = setTimeout(() => void refresh(q), 200);
  });
  text.addEventListener('change', sync);

  const element = h('div', { class: 'fr-input-group', 'data-field': o.name },
    h('label', { class: 'fr-label', for: id }, o.label,
      o.required ? h('span', { class: 'fr-required', 'aria-hidden': 'true' }, ' *') : null,
      o.hint ? h('span', { class: 'fr-hint-text' }, o.hint) : null),
    text, hidden, datalist);

  return {
    element,
    typed: () => text.value.trim(),
    async resolve() {
      sync();
      const typed = text.value.trim();
      if (hidden.value || !typed) return hidden.value;
      const list = await o.search(typed).catch(() => []);
      const exact = list.find((s) => s.label.toLowerCase() === typed.toLowerCase())
        ?? list.find((s) => s.label.toLowerCase().startsWith(typed.toLowerCase()))
        ?? list[0];
      if (exact) {
        hidden.value = exact.value;
        text.value = exact.label;
      }
      return hidden.value;
    },
  };
}
