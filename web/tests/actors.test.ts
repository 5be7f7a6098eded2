import { describe, expect, it } from 'vitest';
import { filtersToApi, filtersToQuery, isNafPrefix, parseFilters } from '../src/modules/actors/filters';
import { buildActorInput } from '../src/modules/actors/input';
import { ACTOR_INPUT_FIELDS } from '../src/app/types';

describe('directory filters', () => {
  it('round-trips through the URL', () => {
    const q = new URLSearchParams('q=coop&kind=family:siae&legal_form=scic&naf=88.99b&commune=40312&radius_km=10&view=map&page=3&scope=all');
    const f = parseFilters(q);
    expect(f).toEqual({ q: 'coop', scope: 'all', kind: 'family:siae', legal_form: 'scic', naf: '88.99B', commune: '40312', radius_km: 10, view: 'map', page: 3 });
    expect(parseFilters(new URLSearchParams(filtersToQuery(f).slice(1)))).toEqual(f);
  });
  it('uses defaults and drops nonsense', () => {
    expect(parseFilters(new URLSearchParams('kind=<script>&radius_km=-4&page=0&view=3d'))).toMatchObject({ kind: '', radius_km: null, page: 1, view: 'list', scope: 'pole' });
    expect(filtersToQuery({ scope: 'pole', view: 'list', page: 1 })).toBe('');
    expect(filtersToQuery({ radius_km: 10 })).toBe(''); // a radius needs a commune
  });
  it('asks the API for families or kinds', () => {
    const base = parseFilters(new URLSearchParams('kind=family:siae&commune=40312&radius_km=5'));
    expect(filtersToApi(base, 20)).toMatchObject({ family: 'siae', kind: undefined, commune: '40312', radius_km: 5, page: 1, per_page: 20 });
    const kind = parseFilters(new URLSearchParams('kind=kind:ei&radius_km=5'));
    expect(filtersToApi(kind, 100, 2)).toMatchObject({ kind: 'ei', family: undefined, radius_km: undefined, page: 2, per_page: 100 });
  });
  it('recognises NAF prefixes', () => {
    for (const s of ['8', '88', '88.9', '88.99', '88.99B', '43.21a']) expect(isNafPrefix(s), s).toBe(true);
    for (const s of ['', 'aide', '888', '88-99']) expect(isNafPrefix(s), s).toBe(false);
  });
});

describe('actor input', () => {
  it('sends exactly the contract fields, with nulls for blanks', () => {
    const input = buildActorInput({
      name: '  Atelier Vélo  ', kind: 'aci', public: false, siret: '123 456 789 00012', siren: '', headcount: '12', fte: '8,5',
      commune: '40312', naf: '', website: 'https://x.fr', email: '', extra__text: 'ignored', commune__text: 'Tarnos',
    });
    expect(Object.keys(input).sort()).toEqual([...ACTOR_INPUT_FIELDS].sort());
    expect(input).toMatchObject({ name: 'Atelier Vélo', kind: 'aci', public: false, siret: '12345678900012', siren: null, headcount: 12, fte: 8.5, commune: '40312', naf: null, email: null });
  });
  it('does not invent numbers', () => {
    expect(buildActorInput({ name: 'A', kind: 'ei', headcount: 'abc', fte: '' })).toMatchObject({ headcount: null, fte: null });
  });
});
