// Options for the actor kind: families and their kinds, from the enumerations.
import { enumValues, grouped } from '../../app/enums';
import { localized, t } from '../../app/i18n';
import type { Option } from '../../components/forms';

/** Filter options: "family:<code>" for a whole family, "kind:<code>" for one kind. */
export function kindFilterOptions(): Option[] {
  const out: Option[] = [];
  for (const { family, children } of grouped('actor_kind')) {
    const group = localized(family.label, family.code);
    out.push({ value: `family:${family.code}`, label: t('actors.filters.whole_family', { family: group }), group });
    for (const c of children) out.push({ value: `kind:${c.code}`, label: localized(c.label, c.code), group });
  }
  return out;
}

/** Form options: a kind is required; families without kinds are kinds themselves. */
export function kindFormOptions(): Option[] {
  const out: Option[] = [];
  for (const { family, children } of grouped('actor_kind')) {
    const group = localized(family.label, family.code);
    if (!children.length) out.push({ value: family.code, label: group, group });
    for (const c of children) out.push({ value: c.code, label: localized(c.label, c.code), group });
  }
  return out;
}

export function plainOptions(name: 'legal_form' | 'level' | 'nature'): Option[] {
  return enumValues(name).map((v) => ({ value: v.code, label: localized(v.label, v.code) }));
}
