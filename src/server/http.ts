/**
 * `aspalint serve`: lint before send, over HTTP (Hono on Node's http server).
 * Our API under /v1 answers in the JSON output contract; /v2 is
 * LanguageTool's, for its clients. Stateless: the rules and spellers are
 * loaded once per process and every request carries its draft, so the
 * service scales by running more replicas behind a load balancer.
 *
 * Limits: a body over `maxBodyBytes` is a 413, a request not received within
 * `timeoutMs` is answered 408 and closed, and more than `maxConcurrent`
 * requests in progress (answered, or waiting for the linter) get a 503 with
 * Retry-After. Bad JSON or a missing or wrong field is a 400 naming it;
 * nothing a client sends makes the process fail.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { createAdaptorServer } from '@hono/node-server';
import type { UiLang } from '../types.js';
import { CHANNEL_NAMES, LANG_NAMES, UI_LANG_NAMES, type Draft, type LintService } from './service.js';
import { SERVE_DEFAULTS } from './defaults.js';
import { checkResponse, CheckRequestError, languages, parseCheckRequest, type CheckParams } from './languagetool.js';

export interface HttpLimits {
  /** Largest request body accepted, in bytes. */
  maxBodyBytes: number;
  /** Time a client has to send its whole request, in milliseconds. */
  timeoutMs: number;
  /** Requests in progress at once; more get a 503. */
  maxConcurrent: number;
  /** Origin allowed to call from a browser page (CORS): an origin, or "*". None by default. */
  allowOrigin?: string;
}

export const DEFAULT_LIMITS: HttpLimits = { maxBodyBytes: SERVE_DEFAULTS.maxBodyBytes, timeoutMs: SERVE_DEFAULTS.timeoutMs, maxConcurrent: SERVE_DEFAULTS.maxConcurrent };

class BadRequest extends Error {}

const DRAFT_FIELDS = ['reply', 'customer', 'channel', 'lang', 'template', 'uiLang'] as const;

function oneOf<T extends string>(body: Record<string, unknown>, key: string, values: readonly T[]): T | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || !values.includes(value as T)) throw new BadRequest(`"${key}" must be one of ${values.join(', ')}`);
  return value as T;
}

/** A /v1 body as a draft; anything missing, extra or of the wrong type is a BadRequest naming the field. */
export function draftFromBody(body: unknown): Draft {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new BadRequest('the body must be a JSON object: {"reply": "…"}');
  const b = body as Record<string, unknown>;
  const extra = Object.keys(b).find((k) => !(DRAFT_FIELDS as readonly string[]).includes(k));
  if (extra !== undefined) throw new BadRequest(`unknown field "${extra}" (fields: ${DRAFT_FIELDS.join(', ')})`);
  if (b.reply === undefined) throw new BadRequest('"reply" is required: the draft to lint, as a string');
  if (typeof b.reply !== 'string') throw new BadRequest('"reply" must be a string');
  if (b.customer !== undefined && b.customer !== null && typeof b.customer !== 'string') throw new BadRequest('"customer" must be a string: the message the reply answers');
  if (b.template !== undefined && typeof b.template !== 'boolean') throw new BadRequest('"template" must be true or false');
  const channel = oneOf(b, 'channel', CHANNEL_NAMES);
  const lang = oneOf(b, 'lang', LANG_NAMES);
  const uiLang = oneOf(b, 'uiLang', UI_LANG_NAMES);
  return {
    text: b.reply,
    ...(typeof b.customer === 'string' ? { customer: b.customer } : {}),
    ...(channel ? { channel } : {}),
    ...(lang ? { lang } : {}),
    ...(typeof b.template === 'boolean' ? { template: b.template } : {}),
    ...(uiLang ? { uiLang } : {}),
  };
}

async function jsonBody(c: Context): Promise<unknown> {
  const raw = await c.req.text();
  if (raw.trim() === '') throw new BadRequest('the body is empty: send JSON {"reply": "…"}');
  try {
    return JSON.parse(raw) as unknown;
  } catch (err) {
    throw new BadRequest(`the body is not valid JSON: ${(err as Error).message}`);
  }
}

/** LanguageTool's parameters: a form (urlencoded or multipart), a JSON object, or the query string. */
async function checkParams(c: Context): Promise<CheckParams> {
  const query = c.req.query();
  if (c.req.method === 'GET') return query;
  const type = c.req.header('content-type') ?? '';
  if (/application\/json/i.test(type)) {
    const body = await jsonBody(c);
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new CheckRequestError('the JSON body must be an object with "text" (or "data") and "language"');
    return { ...query, ...(body as CheckParams) };
  }
  const form = await c.req.parseBody();
  return { ...query, ...Object.fromEntries(Object.entries(form).filter(([, v]) => typeof v === 'string')) };
}

/** The app, without a server: routes, limits and error handling. */
export function createApp(service: LintService, version: string, limits: HttpLimits = DEFAULT_LIMITS): Hono {
  const app = new Hono();
  const metas = new Map(service.metas().map((m) => [m.id, m]));
  const configUiLang = service.config.uiLang;
  let inFlight = 0;

  if (limits.allowOrigin) app.use('*', cors({ origin: limits.allowOrigin, allowMethods: ['GET', 'POST', 'OPTIONS'], allowHeaders: ['Content-Type'] }));
  app.get('/health', (c) => c.json({ status: 'ok', version }));
  app.use('*', async (c, next) => {
    if (inFlight >= limits.maxConcurrent) {
      c.header('Retry-After', '1');
      return c.json({ error: `busy: ${limits.maxConcurrent} requests in progress, try again` }, 503);
    }
    inFlight++;
    try {
      // Linting is synchronous: yielding once first lets requests that arrived meanwhile be counted,
      // so inFlight is the queue waiting for the linter, and the limit bounds its latency.
      await new Promise((resolve) => setImmediate(resolve));
      await next();
    } finally {
      inFlight--;
    }
  });
  app.use(
    '*',
    bodyLimit({ maxSize: limits.maxBodyBytes, onError: (c) => c.json({ error: `the body is larger than ${limits.maxBodyBytes} bytes` }, 413) }),
  );

  app.post('/v1/lint', async (c) => c.json(service.lintDocument(draftFromBody(await jsonBody(c)))));
  app.post('/v1/fix', async (c) => {
    const outcome = service.fix(draftFromBody(await jsonBody(c)));
    return c.json({ version: 1, output: outcome.output, applied: outcome.applied, file: outcome.remaining });
  });
  app.get('/v1/rules', (c) => c.json(service.rules()));

  const check = async (c: Context) => {
    const request = parseCheckRequest(await checkParams(c));
    const result = service.lintResult({ text: request.text, ...(request.lang ? { lang: request.lang } : {}) });
    const uiLang: UiLang = configUiLang ?? (result.language === 'fi' || result.language === 'sv' ? result.language : 'en');
    return c.json(checkResponse(request, result, { version, uiLang, metas }));
  };
  app.post('/v2/check', check);
  app.get('/v2/check', check);
  app.get('/v2/languages', (c) => c.json(languages()));

  for (const [path, allow] of [['/v1/lint', 'POST'], ['/v1/fix', 'POST'], ['/v1/rules', 'GET'], ['/v2/languages', 'GET']] as const) {
    app.all(path, (c) => {
      c.header('Allow', allow);
      return c.json({ error: `${c.req.method} is not allowed here: use ${allow}` }, 405);
    });
  }
  app.notFound((c) => c.json({ error: `no such endpoint: ${c.req.method} ${c.req.path} (see GET /v1/rules, POST /v1/lint, POST /v1/fix, POST /v2/check)` }, 404));
  app.onError((err, c) => {
    if (err instanceof BadRequest) return c.json({ error: err.message }, 400);
    // LanguageTool answers its clients' bad requests in plain text.
    if (err instanceof CheckRequestError) return c.text(`Error: ${err.message}`, 400);
    process.stderr.write(`aspalint serve: internal error on ${c.req.method} ${c.req.path}: ${err.message}\n`);
    return c.json({ error: 'internal error' }, 500);
  });
  return app;
}

export interface RunningServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/** Starts the service on host:port (port 0: any free port). */
export async function startHttp(service: LintService, version: string, options: { host: string; port: number } & HttpLimits): Promise<RunningServer> {
  const app = createApp(service, version, options);
  const server = createAdaptorServer({
    fetch: app.fetch,
    // Node checks the timeouts every connectionsCheckingInterval (30 s by default): often enough for the limit to hold.
    serverOptions: {
      requestTimeout: options.timeoutMs,
      headersTimeout: Math.min(options.timeoutMs, 60_000),
      connectionsCheckingInterval: Math.min(1000, Math.max(100, Math.floor(options.timeoutMs / 4))),
    },
  }) as Server;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
