import { Command } from 'commander';
import type { Io } from './io.js';
import { SERVE_DEFAULTS } from '../server/defaults.js';

/**
 * `aspalint serve`, `aspalint mcp` and `aspalint lsp`: the commander wiring.
 * The servers themselves (and Hono, the MCP SDK, vscode-languageserver) load
 * only when one of these runs: a draft's lint never pays for them.
 */
export function addServerCommands(program: Command, io: Io, exit: (code: number) => void): void {
  program
    .command('serve')
    .description("lint before send: an HTTP service with aspalint's API (/v1) and LanguageTool's (/v2)")
    .option('--host <host>', 'address to listen on', SERVE_DEFAULTS.host)
    .option('--port <port>', 'port to listen on (0: any free port)', String(SERVE_DEFAULTS.port))
    .option('-c, --config <file>', 'config file (default: nearest .aspalintrc.yaml upward from the current folder)')
    .option('--max-body <bytes>', 'largest request body', String(SERVE_DEFAULTS.maxBodyBytes))
    .option('--timeout <ms>', 'time a client has to send its whole request', String(SERVE_DEFAULTS.timeoutMs))
    .option('--max-concurrent <n>', 'requests in progress at once; more get a 503', String(SERVE_DEFAULTS.maxConcurrent))
    .option('--allow-origin <origin>', 'let browser pages from this origin call the service (CORS); "*" for any')
    .action(async (flags) => {
      const { runServe } = await import('../server/commands.js');
      exit(await runServe(flags, io));
    });

  program
    .command('mcp')
    .description('an MCP server on stdio, for AI agents: tools lint_reply, fix_reply, list_rules')
    .option('-c, --config <file>', 'config file (default: nearest .aspalintrc.yaml upward from the current folder)')
    .action(async (flags) => {
      const { runMcp } = await import('../server/commands.js');
      exit(await runMcp(flags, io));
    });

  program
    .command('lsp')
    .description('a language server on stdio, for editors: diagnostics, quick fixes, suppressions')
    .option('--stdio', 'talk over stdin/stdout (the only transport; accepted as editors pass it)')
    .option('-c, --config <file>', 'config file for every document (default: the nearest .aspalintrc.yaml upward from each document)')
    .action(async (flags) => {
      const { runLsp } = await import('../server/commands.js');
      exit(await runLsp(flags, io));
    });
}
