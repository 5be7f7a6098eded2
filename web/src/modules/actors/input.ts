// From the form's values to an ActorInput: exactly the contract's fields (the server refuses
// unknown ones), empty text as null, numbers as numbers.
import type { ActorInput } from '../../app/types';

const TEXT = ['legal_form', 'siren', 'siret', 'rna', 'it_tax_code', 'level', 'nature', 'naf', 'commune', 'address', 'website', 'email', 'phone', 'description'] as const;

export function buildActorInput(values: Record<string, string | boolean | undefined>): ActorInput {
  const text = (k: string) => {
    const s = typeof values[k] === 'string' ? (values[k] as string).trim() : '';
    return s === '' ? null : s;
  };
  const num = (k: string, integer: boolean): number | null => {
    const s = text(k);
    if (s === null) return null;
    const n = Number(s.replace(',', '.'));
    if (!Number.isFinite(n)) return null;
    return integer ? Math.round(n) : n;
  };
  const input: ActorInput = {
    name: text('name') ?? '',
    kind: text('kind') ?? '',
    public: values.public === true,
    headcount: num('headcount', true),
    fte: num('fte', false),
  };
  for (const k of TEXT) input[k] = text(k);
  // Identifiers are typed with spaces ("123 456 789 00012"): the API wants the digits.
  for (const k of ['siren', 'siret'] as const) if (input[k]) input[k] = input[k]!.replace(/\s+/g, '');
  return input;
}
