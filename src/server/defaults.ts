/** Defaults of `aspalint serve`, here without imports so the CLI can show them without loading the server. */
export const SERVE_DEFAULTS = {
  host: '127.0.0.1',
  port: 8080,
  /** Largest request body, in bytes (a draft over 1 MB is no draft). */
  maxBodyBytes: 1024 * 1024,
  /** Time a client has to send its whole request, in milliseconds. */
  timeoutMs: 10_000,
  /** Requests in progress at once; more get a 503. */
  maxConcurrent: 64,
} as const;
