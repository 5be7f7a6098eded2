import { describe, expect, it, vi } from 'vitest';
import { ApiClient, ApiError, codeForStatus, errorFromBody, errorFromJob, errorTitle, fieldBase, fieldErrorText, queryString, reasonOf } from '../src/app/api';

type Reply = { status: number; body?: string; type?: string } | Error;

/** A fake fetch that answers from a list and records the requests. */
function fakeFetch(...replies: Reply[]) {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  const fn = vi.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(url), init: init ?? {} });
    const r = replies.shift();
    if (!r) throw new Error('no more replies');
    if (r instanceof Error) throw r;
    return new Response(r.status === 204 ? null : r.body ?? '', { status: r.status, headers: { 'Content-Type': r.type ?? 'application/json' } });
  });
  return { fn: fn as unknown as typeof fetch, calls };
}

const err = (code: string, message: string, field?: string, extra: object = {}) => JSON.stringify({ error: { code, message, field, ...extra } });

describe('error mapping', () => {
  it('maps every documented code with its status', async () => {
    const cases: Array<[number, string]> = [
      [400, 'invalid_input'], [401, 'unauthorized'], [403, 'forbidden'], [404, 'not_found'], [409, 'conflict'],
      [413, 'payload_too_large'], [415, 'unsupported_media_type'], [500, 'internal'],
    ];
    for (const [status, code] of cases) {
      const { fn } = fakeFetch({ status, body: err(code, `${code} happened`) });
      const e = await new ApiClient({ fetch: fn }).get('/api/x').catch((x) => x);
      expect(e).toBeInstanceOf(ApiError);
      expect(e).toMatchObject({ status, code, message: `${code} happened` });
      expect(codeForStatus(status)).toBe(code);
    }
  });
  it('keeps the field of a validation error', async () => {
    const { fn } = fakeFetch({ status: 400, body: err('invalid_input', 'siret: check digit is wrong', 'siret') });
    const e = (await new ApiClient({ fetch: fn }).put("/api/poles/seignanx/actors/1", {}).catch((x) => x)) as ApiError;
    expect(e).toMatchObject({ code: 'invalid_input', field: 'siret' });
    expect(reasonOf(e)).toBe('check digit is wrong');
  });
  it('keeps the problems of a rejected import', () => {
    const e = errorFromBody(400, { error: { code: 'invalid_input', message: 'bad lines', problems: [{ line: 3, field: 'siret', reason: 'wrong' }, { line: 9, reason: 'no name' }] } });
    expect(e.problems).toEqual([{ line: 3, field: 'siret', reason: 'wrong' }, { line: 9, field: undefined, reason: 'no name' }]);
  });
  it('reads errors held by jobs', () => {
    expect(errorFromJob({ code: 'invalid_input', message: 'm', problems: [{ line: 2, field: 'kind', reason: 'unknown' }] }).problems).toHaveLength(1);
    expect(errorFromJob({ error: { code: 'conflict', message: 'm' } }).code).toBe('conflict');
    expect(errorFromJob('boom')).toMatchObject({ code: 'internal', message: 'boom' });
    expect(errorFromJob(null).code).toBe('internal');
  });
  it('copes with bodies that are not the contract', async () => {
    const { fn } = fakeFetch(
      { status: 502, body: '<html>Bad gateway</html>', type: 'text/html' },
      { status: 500, body: '{"error": "text"}' },
      { status: 418, body: err('teapot', 'short and stout') },
    );
    const c = new ApiClient({ fetch: fn });
    expect(await c.get('/a').catch((x) => x)).toMatchObject({ code: 'unavailable', status: 502 });
    expect(await c.get('/b').catch((x) => x)).toMatchObject({ code: 'internal', status: 500 });
    expect(await c.get('/c').catch((x) => x)).toMatchObject({ code: 'internal', message: 'short and stout' });
  });
  it('turns a failed connection into a network error', async () => {
    const { fn } = fakeFetch(new TypeError('Failed to fetch'));
    expect(await new ApiClient({ fetch: fn }).get('/a').catch((x) => x)).toMatchObject({ code: 'network', status: 0 });
  });
  it('lets aborts through', async () => {
    const { fn } = fakeFetch(new DOMException('aborted', 'AbortError'));
    const e = await new ApiClient({ fetch: fn }).get('/a').catch((x) => x);
    expect(e).toBeInstanceOf(DOMException);
  });
  it('tells when the session has expired', async () => {
    const { fn } = fakeFetch({ status: 401, body: err('unauthorized', 'no session') });
    const seen: ApiError[] = [];
    const c = new ApiClient({ fetch: fn, onUnauthorized: (e) => seen.push(e) });
    await c.get('/api/auth/me').catch(() => undefined);
    expect(seen.map((e) => e.code)).toEqual(['unauthorized']);
  });
});

describe('requests', () => {
  it('sends JSON and reads JSON, 204 as nothing', async () => {
    const { fn, calls } = fakeFetch({ status: 201, body: '{"id":3}' }, { status: 204 });
    const c = new ApiClient({ fetch: fn });
    expect(await c.post('/api/poles/seignanx/actors', { name: 'A', kind: 'ei' })).toEqual({ id: 3 });
    expect(calls[0].init).toMatchObject({ method: 'POST', credentials: 'same-origin', body: '{"name":"A","kind":"ei"}' });
    expect((calls[0].init.headers as Record<string, string>)['Content-Type']).toBe('application/json');
    expect(await c.del('/api/poles/seignanx/actors/3')).toBeUndefined();
  });
  it('uploads files with their content type', async () => {
    const { fn, calls } = fakeFetch({ status: 202, body: '{"job_id":12}' });
    const file = new Blob(['name,kind\n'], { type: 'text/csv' });
    expect(await new ApiClient({ fetch: fn }).upload('/api/poles/seignanx/imports/actors', file, 'text/csv')).toEqual({ job_id: 12 });
    expect((calls[0].init.headers as Record<string, string>)['Content-Type']).toBe('text/csv');
    expect(calls[0].init.body).toBe(file);
  });
  it('builds query strings without empty values', () => {
    expect(queryString({ q: 'coop', kind: '', naf: null, page: 2, radius_km: undefined, public: false })).toBe('?q=coop&page=2&public=false');
    expect(queryString({})).toBe('');
    expect(queryString({ q: 'Saint-Martin & co' })).toBe('?q=Saint-Martin+%26+co');
  });
});

describe('messages', () => {
  const catalog: Record<string, string> = {
    'errors.code.invalid_input': 'Donnée invalide',
    'errors.field.siret': 'Le SIRET doit comporter 14 chiffres.',
    'errors.field.contacts.email': 'Adresse invalide.',
    'errors.invalid_value': 'Valeur invalide.',
    'errors.invalid_value_because': 'Valeur invalide : {reason}.',
  };
  const t = (k: string, p?: Record<string, string | number>) => (catalog[k] ?? k).replace(/\{(\w+)\}/g, (_, n) => String(p?.[n]));
  const has = (k: string) => k in catalog;
  it('prefers a specific message for the field', () => {
    expect(fieldErrorText(new ApiError(400, 'invalid_input', 'siret: bad', 'siret'), t, has)).toBe('Le SIRET doit comporter 14 chiffres.');
    expect(fieldErrorText(new ApiError(400, 'invalid_input', 'contacts[1].email: bad', 'contacts[1].email'), t, has)).toBe('Adresse invalide.');
  });
  it('falls back to the server reason', () => {
    expect(fieldErrorText(new ApiError(400, 'invalid_input', 'rna: must start with W', 'rna'), t, has)).toBe('Valeur invalide : must start with W.');
    expect(fieldErrorText(new ApiError(400, 'invalid_input', '', 'rna'), t, has)).toBe('Valeur invalide.');
  });
  it('titles errors by code', () => {
    expect(errorTitle(new ApiError(400, 'invalid_input', ''), t)).toBe('Donnée invalide');
    expect(errorTitle(new Error('x'), t)).toBe('errors.code.internal');
  });
  it('reduces field paths to their base', () => {
    expect(fieldBase('contacts[12].Email')).toBe('contacts.email');
    expect(fieldBase('siret')).toBe('siret');
  });
});
