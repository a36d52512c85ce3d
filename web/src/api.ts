import i18n from './i18n';

/** An error the API answered with: a stable `code` and a sentence the user can act on. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

// The CSRF token belongs to the session; it arrives with GET /api/me and with the sign-in answer.
let csrfToken: string | null = null;
export function setCsrfToken(token: string | null | undefined): void {
  csrfToken = token ?? null;
}

type Query = Record<string, string | number | boolean | undefined | null>;

function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${path}${path.includes('?') ? '&' : '?'}${qs}` : path;
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(`/api${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', i18n.t('errors.network'));
  }
  const text = await res.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!res.ok) {
    const err = (data as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ApiError(res.status, err?.code ?? 'http_' + res.status, err?.message ?? i18n.t('errors.unexpected', { status: res.status }));
  }
  return data as T;
}

/** GET with the interface language, so names of states come back in the reader's language. */
export function apiGet<T>(path: string, query: Query = {}): Promise<T> {
  return request<T>('GET', withQuery(path, { ...query, lang: i18n.resolvedLanguage ?? i18n.language }));
}
export function apiPost<T>(path: string, body: unknown = {}): Promise<T> {
  return request<T>('POST', withQuery(path, { lang: i18n.resolvedLanguage ?? i18n.language }), body);
}
export function apiDelete<T>(path: string): Promise<T> {
  return request<T>('DELETE', path);
}

export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  if (err instanceof Error) return err.message;
  return String(err);
}
