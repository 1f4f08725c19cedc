import { meResponseSchema, problemSchema, type MeResponse, type ProblemCode } from '@learnfit/core';

/** Failures that happen on the tab's side of the wire, so the API never sends them. */
export const clientErrorCodes = [
  'token_unavailable',
  'network_error',
  'invalid_response',
  'unexpected_status',
  'client_failure',
] as const;

/** A failure detected by the tab itself. */
export type ClientErrorCode = (typeof clientErrorCodes)[number];

/** Every code an `ApiError` can carry: the API's problem codes plus the tab's own. */
export type ApiErrorCode = ProblemCode | ClientErrorCode;

/** A failed API call. Callers branch on `code`, never on `title` or `detail`. */
export class ApiError extends Error {
  /** HTTP status, or 0 when no answer arrived (token or network failure). */
  readonly status: number;
  readonly code: ApiErrorCode;
  readonly title: string;
  readonly detail: string | null;

  constructor(init: { status: number; code: ApiErrorCode; title: string; detail?: string | null }) {
    super(`${init.code}: ${init.title}`);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.title = init.title;
    this.detail = init.detail ?? null;
  }
}

/** Turns anything thrown during a call into an `ApiError`, so the UI has one error type to show. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError({
    status: 0,
    code: 'client_failure',
    title: 'Unexpected failure in the tab',
    detail: error instanceof Error ? error.message : null,
  });
}

/** The slice of a zod schema the client needs; keeps the client independent of zod's generics. */
export interface ResponseSchema<T> {
  safeParse(input: unknown): { success: true; data: T } | { success: false };
}

/** One call: method, path (with query string), the schema of a successful body, and an optional JSON body. */
export interface ApiRequest<T> {
  readonly method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly path: string;
  /** Checks the answer; `null` for answers with no body (204). */
  readonly schema: ResponseSchema<T> | null;
  /** Sent as JSON, or as-is with `contentType` when it is a string (CSV uploads). */
  readonly body?: unknown;
  readonly contentType?: string;
  readonly signal?: AbortSignal;
}

/** The LearnFit API as the tab sees it. */
export interface ApiClient {
  /** `GET /api/me`: the signed-in person, their roles, management chain and 30-day activity. */
  getMe(signal?: AbortSignal): Promise<MeResponse>;
  /** Any other call: bearer token, schema-checked answer, problem+json turned into an `ApiError`. */
  request<T>(call: ApiRequest<T>): Promise<T>;
  /** Fetches a file the API renders (CSV, printable HTML) as text with the caller's token. */
  download(path: string, signal?: AbortSignal): Promise<{ text: string; contentType: string }>;
}

/** What the client needs: where the API is and how to get a Teams SSO token. */
export interface ApiClientOptions {
  /** API origin; empty string for the origin that served the tab. */
  readonly baseUrl: string;
  readonly getToken: () => Promise<string>;
  readonly fetch?: typeof fetch;
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return (await response.json()) as unknown;
  } catch {
    return undefined;
  }
}

function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/** Builds the fetch wrapper: bearer token on every call, schema-checked bodies, typed errors. */
export function createApiClient(options: ApiClientOptions): ApiClient {
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));

  async function token(): Promise<string> {
    try {
      return await options.getToken();
    } catch (error) {
      throw new ApiError({
        status: 0,
        code: 'token_unavailable',
        title: 'Teams did not provide a sign-in token',
        detail: error instanceof Error ? error.message : String(error),
      });
    }
  }

  async function send(path: string, init: RequestInit): Promise<Response> {
    try {
      return await doFetch(`${options.baseUrl}${path}`, init);
    } catch (error) {
      if (isAbort(error)) throw error;
      throw new ApiError({
        status: 0,
        code: 'network_error',
        title: 'The LearnFit service could not be reached',
      });
    }
  }

  async function failure(response: Response): Promise<ApiError> {
    const body = await readJson(response);
    const problem = problemSchema.safeParse(body);
    if (problem.success) {
      const { code, title, detail } = problem.data;
      return new ApiError({ status: response.status, code, title, detail: detail ?? null });
    }
    return new ApiError({
      status: response.status,
      code: 'unexpected_status',
      title: `HTTP ${response.status} without a problem description`,
    });
  }

  async function request<T>(call: ApiRequest<T>): Promise<T> {
    const bearer = await token();
    const headers: Record<string, string> = {
      Authorization: `Bearer ${bearer}`,
      Accept: 'application/json, application/problem+json',
    };
    const init: RequestInit = { method: call.method ?? 'GET', headers };
    if (call.body !== undefined) {
      const raw = typeof call.body === 'string' && call.contentType !== undefined;
      headers['Content-Type'] = raw ? (call.contentType ?? 'text/plain') : 'application/json';
      init.body = raw ? (call.body as string) : JSON.stringify(call.body);
    }
    if (call.signal) init.signal = call.signal;
    const response = await send(call.path, init);
    if (!response.ok) throw await failure(response);
    if (call.schema === null) {
      await response.body?.cancel();
      return undefined as T;
    }
    const parsed = call.schema.safeParse(await readJson(response));
    if (!parsed.success) {
      throw new ApiError({
        status: response.status,
        code: 'invalid_response',
        title: `The answer of ${call.path} does not match the contract`,
      });
    }
    return parsed.data;
  }

  async function download(
    path: string,
    signal?: AbortSignal,
  ): Promise<{ text: string; contentType: string }> {
    const bearer = await token();
    const init: RequestInit = { headers: { Authorization: `Bearer ${bearer}` } };
    if (signal) init.signal = signal;
    const response = await send(path, init);
    if (!response.ok) throw await failure(response);
    return { text: await response.text(), contentType: response.headers.get('Content-Type') ?? '' };
  }

  return {
    getMe: (signal) =>
      request(
        signal
          ? { path: '/api/me', schema: meResponseSchema, signal }
          : { path: '/api/me', schema: meResponseSchema },
      ),
    request,
    download,
  };
}
