/**
 * The server subcommands (`aspalint serve`, `aspalint mcp`, `aspalint lsp`).
 * main.ts imports this module only for them, so linting a draft never loads
 * an HTTP framework, the MCP SDK or the language-server library.
 */
import { resolve } from 'node:path';
import type { Io } from '../cli/io.js';
import { UsageError } from '../cli/io.js';
import { readVersion } from '../cli/version.js';
import { defaultUiLang, t, UI } from '../report/i18n.js';
import type { UiLang } from '../types.js';
import { LintService } from './service.js';

export interface ServeFlags {
  host: string;
  port: string;
  config?: string;
  maxBody: string;
  timeout: string;
  maxConcurrent: string;
  allowOrigin?: string;
}

function whole(name: string, value: string, lang: UiLang, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) throw new UsageError(t(UI.wholeNumber, lang, { name, min, max, value }));
  return Number(value);
}

function service(config: string | undefined, io: Io): LintService {
  return new LintService({ configFile: config === undefined ? undefined : resolve(io.cwd, config), cwd: io.cwd });
}

/** `aspalint serve`: runs until SIGINT or SIGTERM, then closes its connections and returns 0. */
export async function runServe(flags: ServeFlags, io: Io): Promise<number> {
  // A server lints many replies: its own words follow the locale.
  const lang = defaultUiLang([], io.env);
  const limits = {
    maxBodyBytes: whole('max-body', flags.maxBody, lang, 1),
    timeoutMs: whole('timeout', flags.timeout, lang, 1),
    maxConcurrent: whole('max-concurrent', flags.maxConcurrent, lang, 1),
    ...(flags.allowOrigin ? { allowOrigin: flags.allowOrigin } : {}),
  };
  const port = whole('port', flags.port, lang, 0, 65535);
  const { startHttp } = await import('./http.js');
  const lint = service(flags.config, io);
  lint.warmUp();
  const version = readVersion();
  let running;
  try {
    running = await startHttp(lint, version, { host: flags.host, port, ...limits });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason = code === 'EADDRINUSE' ? t(UI.portInUse, lang) : code === 'EADDRNOTAVAIL' ? t(UI.noSuchAddress, lang) : (err as Error).message;
    throw new UsageError(t(UI.cannotListen, lang, { host: flags.host, port, reason }));
  }
  io.stderr.write(`${t(UI.listening, lang, { url: running.url, config: lint.configFile ?? t(UI.noConfig, lang) })}\n`);
  await new Promise<void>((done) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void running.close().then(done);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  return 0;
}

/** `aspalint mcp`: an MCP server on stdin/stdout until the client closes it. */
export async function runMcp(flags: { config?: string }, io: Io): Promise<number> {
  const { startMcp } = await import('./mcp.js');
  const lint = service(flags.config, io);
  lint.warmUp();
  await startMcp(lint, readVersion());
  return 0;
}

/** `aspalint lsp --stdio`: a language server on stdin/stdout until the client exits it. */
export async function runLsp(flags: { config?: string; stdio?: boolean }, io: Io): Promise<number> {
  const { startLsp } = await import('./lsp.js');
  await startLsp({ cwd: io.cwd, ...(flags.config ? { configFile: resolve(io.cwd, flags.config) } : {}), version: readVersion() });
  return 0;
}
