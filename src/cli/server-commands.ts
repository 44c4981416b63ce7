import { Command } from 'commander';
import type { Io } from './io.js';
import type { UiLang } from '../types.js';
import { SERVE_DEFAULTS } from '../server/defaults.js';
import { helpText, type HelpKey } from './help-text.js';

/**
 * `aspalint serve`, `aspalint mcp` and `aspalint lsp`: the commander wiring.
 * The servers themselves (and Hono, the MCP SDK, vscode-languageserver) load
 * only when one of these runs: a draft's lint never pays for them.
 */
export function addServerCommands(program: Command, io: Io, exit: (code: number) => void, lang: UiLang = 'en'): void {
  const h = (key: HelpKey) => helpText(key, lang);
  program
    .command('serve')
    .description(h('serve'))
    .option('--host <host>', h('host'), SERVE_DEFAULTS.host)
    .option('--port <port>', h('port'), String(SERVE_DEFAULTS.port))
    .option('-c, --config <file>', h('config'))
    .option('--max-body <bytes>', h('maxBody'), String(SERVE_DEFAULTS.maxBodyBytes))
    .option('--timeout <ms>', h('timeout'), String(SERVE_DEFAULTS.timeoutMs))
    .option('--max-concurrent <n>', h('maxConcurrent'), String(SERVE_DEFAULTS.maxConcurrent))
    .option('--allow-origin <origin>', h('allowOrigin'))
    .action(async (flags) => {
      const { runServe } = await import('../server/commands.js');
      exit(await runServe(flags, io));
    });

  program
    .command('mcp')
    .description(h('mcp'))
    .option('-c, --config <file>', h('config'))
    .action(async (flags) => {
      const { runMcp } = await import('../server/commands.js');
      exit(await runMcp(flags, io));
    });

  program
    .command('lsp')
    .description(h('lsp'))
    .option('--stdio', h('stdio'))
    .option('-c, --config <file>', h('lspConfig'))
    .action(async (flags) => {
      const { runLsp } = await import('../server/commands.js');
      exit(await runLsp(flags, io));
    });
}
