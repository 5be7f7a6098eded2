// HTTP client for the Maillage API (docs/api.md) and the mapping of its errors.
//
// Every error the server sends is { error: { code, message, field?, problems? } }; the client
// turns it, and anything else that goes wrong (network down, HTML from a proxy, bad JSON),
// into an ApiError with a stable `code`, so that pages can show the message at the field.

export type ErrorCode =
  | 'invalid_input' | 'unauthorized' | 'forbidden' | 'not_found' | 'conflict'
  | 'payload_too_large' | 'unsupported_media_type' | 'internal' | 'network' | 'unavailable';

export interface LineProblem {
  line: number;
  field?: string;
  reason: string;
}

export const KNOWN_CODES: readonly ErrorCode[] = [
  'invalid_input', 'unauthorized', 'forbidden', 'not_found', 'conflict',
  'payload_too_large', 'unsupported_media_type', 'internal', 'network', 'unavailable',
];

/** The code implied by an HTTP status when the body does not say. */
export function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case 400: case 422: return 'invalid_input';
    case 401: return 'unauthorized';
    case 403: return 'forbidden';
    case 404: return 'not_found';
    case 409: return 'conflict';
    case 413: return 'payload_too_large';
    case 415: return 'unsupported_media_type';
    case 502: case 503: case 504: return 'unavailable';
    default: return 'internal';
  }
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  readonly field?: string;
  readonly problems?: LineProblem[];

  constructor(status: number, code: ErrorCode, message: string, field?: string, problems?: LineProblem[]) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.field = field || undefined;
    this.problems = problems;
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function toProblems(v: unknown): LineProblem[] | undefined {
  if (!Array.isArray(v)) return undefined;
  return v.filter(isObject).map((p) => ({
    line: Number(p.line ?? 0),
    field: typeof p.field === 'string' && p.field ? p.field : undefined,
    reason: String(p.reason ?? p.message ?? ''),
  }));
}

/** Builds the ApiError for a failed response from its status and (parsed or raw) body. */
export function errorFromBody(status: number, body: unknown): ApiError {
  if (isObject(body) && isObject(body.error)) {
    const e = body.error;
    const code = typeof e.code === 'string' && (KNOWN_CODES as readonly string[]).includes(e.code) ? (e.code as ErrorCode) : codeForStatus(status);
    const problems = toProblems(e.problems ?? body.problems);
    return new ApiError(status, code, typeof e.message === 'string' ? e.message : '', typeof e.field === 'string' ? e.field : undefined, problems);
  }
  return new ApiError(status, codeForStatus(status), typeof body === 'string' ? body.slice(0, 200) : '');
}

/** An error object found inside a job ({ error: {...} } or a plain message). */
export function errorFromJob(error: unknown): ApiError {
  if (typeof error === 'string') return new ApiError(0, 'internal', error);
  if (isObject(error)) return errorFromBody(0, isObject(error.error) ? error : { error });
  return new ApiError(0, 'internal', '');
}

/**
 * The base name of a field path, for looking up messages: "contacts[1].email" → "contacts.email".
 */
export function fieldBase(field: string): string {
  return field.replace(/\[\d+\]/g, '').toLowerCase();
}

export type Translate = (key: string, params?: Record<string, string | number>) => string;

/** The localized title of an error (e.g. for an alert). */
export function errorTitle(err: unknown, t: Translate): string {
  const code: ErrorCode = err instanceof ApiError ? err.code : 'internal';
  return t(`errors.code.${code}`);
}

/**
 * The message to show at a field: a specific catalog message when there is one
 * (errors.field.<base>), else the generic invalid-value message with the server's reason.
 */
export function fieldErrorText(err: ApiError, t: Translate, has: (key: string) => boolean): string {
  const base = err.field ? fieldBase(err.field) : '';
  const specific = `errors.field.${base}`;
  if (base && has(specific)) return t(specific);
  const reason = reasonOf(err);
  return reason ? t('errors.invalid_value_because', { reason }) : t('errors.invalid_value');
}

/** The server's reason without a leading "field: " (the field is shown by the form). */
export function reasonOf(err: ApiError): string {
  if (!err.message) return '';
  if (err.field && err.message.startsWith(`${err.field}: `)) return err.message.slice(err.field.length + 2);
  return err.message;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

/** Encodes a query string, leaving out empty values. */
export function queryString(query?: Query): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === null || v === undefined || v === '') continue;
    params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

export interface ApiClientOptions {
  base?: string;
  fetch?: typeof fetch;
  /** Called when the server answers 401 (the session expired). */
  onUnauthorized?: (err: ApiError) => void;
}

export class ApiClient {
  private readonly base: string;
  private readonly fetchFn: typeof fetch;
  onUnauthorized?: (err: ApiError) => void;

  constructor(options: ApiClientOptions = {}) {
    this.base = options.base ?? '';
    this.fetchFn = options.fetch ?? ((input, init) => fetch(input, init));
    this.onUnauthorized = options.onUnauthorized;
  }

  get<T>(path: string, query?: Query, signal?: AbortSignal): Promise<T> {
    return this.request<T>('GET', path + queryString(query), undefined, undefined, signal);
  }
  post<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('POST', path, body === undefined ? undefined : JSON.stringify(body), 'application/json');
  }
  put<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>('PUT', path, JSON.stringify(body), 'application/json');
  }
  del(path: string): Promise<void> {
    return this.request<void>('DELETE', path);
  }
  /** Sends a file as the request body (imports). */
  upload<T>(path: string, file: Blob, contentType: string): Promise<T> {
    return this.request<T>('POST', path, file, contentType);
  }

  async request<T>(method: string, path: string, body?: BodyInit, contentType?: string, signal?: AbortSignal): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (contentType) headers['Content-Type'] = contentType;
    let res: Response;
    try {
      res = await this.fetchFn(this.base + path, { method, headers, body, credentials: 'same-origin', signal });
    } catch (e) {
      if (e instanceof DOMException && e.name === 'AbortError') throw e;
      throw new ApiError(0, 'network', e instanceof Error ? e.message : String(e));
    }
    if (res.status === 204) return undefined as T;
    const text = await res.text();
    let parsed: unknown = text;
    const isJson = (res.headers.get('Content-Type') ?? '').includes('json');
    if (text && (isJson || /^\s*[[{]/.test(text))) {
      try {
        parsed = JSON.parse(text);
      } catch {
        if (res.ok) throw new ApiError(res.status, 'internal', 'malformed JSON in the response');
      }
    }
    if (!res.ok) {
      const err = errorFromBody(res.status, parsed);
      if (err.code === 'unauthorized') this.onUnauthorized?.(err);
      throw err;
    }
    return (text ? parsed : undefined) as T;
  }
}

/** The application's client (same origin as the page). */
export const api = new ApiClient();
