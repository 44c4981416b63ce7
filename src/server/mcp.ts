/**
 * `aspalint mcp`: the linter as tools for AI agents, an MCP server over
 * stdio (the official TypeScript SDK). An agent drafts a reply, calls
 * lint_reply, revises, and calls again until the score is 0; fix_reply
 * applies what can be applied safely; list_rules explains the rule ids.
 */
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { z } from 'zod';
import { CHANNEL_NAMES, LANG_NAMES, UI_LANG_NAMES, type Draft, type LintService } from './service.js';

const draftShape = {
  text: z.string().describe('The draft reply to the customer, exactly as it would be sent (greeting, body, sign-off).'),
  customer: z
    .string()
    .optional()
    .describe(
      "The customer's message the draft answers. Give it whenever you have it: with it aspalint checks that every question is answered, that the reply is in the customer's language and register (sinä/te, du/ni), and that a complaint gets an apology.",
    ),
  channel: z.enum(CHANNEL_NAMES).optional().describe('Where the reply goes: email (default), sms, chat or social. Length limits and greeting rules follow the channel.'),
  lang: z.enum(LANG_NAMES).optional().describe("The draft's language: fi, sv, or auto (default: detected)."),
  template: z.boolean().optional().describe('true for a canned reply with placeholders ({{name}}, [NIMI]): placeholders are read as names instead of being flagged.'),
  uiLang: z.enum(UI_LANG_NAMES).optional().describe("Language of the findings' messages: fi, sv or en (default: the draft's)."),
};

type DraftArgs = { text: string; customer?: string | undefined; channel?: Draft['channel']; lang?: Draft['lang']; template?: boolean | undefined; uiLang?: Draft['uiLang'] };

function draftOf(args: DraftArgs): Draft {
  return {
    text: args.text,
    ...(args.customer !== undefined ? { customer: args.customer } : {}),
    ...(args.channel ? { channel: args.channel } : {}),
    ...(args.lang ? { lang: args.lang } : {}),
    ...(args.template !== undefined ? { template: args.template } : {}),
    ...(args.uiLang ? { uiLang: args.uiLang } : {}),
  };
}

function result(value: object) {
  return { content: [{ type: 'text' as const, text: JSON.stringify(value, null, 2) }], structuredContent: value as Record<string, unknown> };
}

/** The server with its tools, not yet connected (tests connect it to an in-memory transport). */
export function createMcpServer(service: LintService, version: string): McpServer {
  const server = new McpServer({ name: 'aspalint', version });

  server.registerTool(
    'lint_reply',
    {
      title: 'Lint a customer-service reply (Finnish, Swedish)',
      description: [
        'Check a draft reply to a customer, in Finnish or Swedish, before it is sent.',
        'Call it on every draft you write for a customer, and again after each revision:',
        'revise and call until "score" is 0 or only findings with severity "info" remain (info never counts in the score).',
        'Returns the JSON contract\'s file result: score, bingo squares (the template habits the draft shows), and findings,',
        'each with ruleId, severity, message, the exact text it is about (actual, at offset/length), suggestions,',
        'and a fix where a safe automatic replacement exists (fix_reply applies those).',
        'Catches canned and template phrases, English calques, officialese, a missing or nameless greeting, a faceless signature,',
        'mixed or mismatched register (sinä/te, du/ni), leaked passwords, card and identity numbers, unfilled placeholders,',
        "and, given the customer's message, unanswered questions, a reply in the wrong language, a complaint without an apology.",
      ].join(' '),
      inputSchema: draftShape,
      annotations: { readOnlyHint: true, openWorldHint: false, idempotentHint: true },
    },
    async (args) => result(service.lint(draftOf(args))),
  );

  server.registerTool(
    'fix_reply',
    {
      title: 'Apply the safe fixes to a reply',
      description: [
        "Apply aspalint's safe automatic fixes to a draft reply (spacing, punctuation, capitalisation, number format, fixed phrase swaps),",
        'pass after pass as `aspalint --fix` does. Returns "output" (the fixed text), "applied" (each fix: ruleId, the text replaced, the replacement)',
        'and "remaining" (the lint of the fixed text: what still needs rewriting by hand).',
        'Call it when lint_reply reports findings that carry a fix; then rewrite what remains and call lint_reply again.',
      ].join(' '),
      inputSchema: draftShape,
      annotations: { readOnlyHint: true, openWorldHint: false, idempotentHint: true },
    },
    async (args) => result(service.fix(draftOf(args))),
  );

  server.registerTool(
    'list_rules',
    {
      title: "List aspalint's rules",
      description:
        "List the rules aspalint checks: id, severity, weight (points a finding adds to the score), bingo square, channels, languages, and a title and description in Finnish, Swedish and English. Use it to explain a finding's ruleId to the user or to choose rules to set in .aspalintrc.yaml.",
      annotations: { readOnlyHint: true, openWorldHint: false, idempotentHint: true },
    },
    async () => result(service.rules()),
  );
  return server;
}

/** Serves on stdin/stdout; resolves when the client closes stdin. */
export async function startMcp(service: LintService, version: string): Promise<void> {
  const server = createMcpServer(service, version);
  const transport = new StdioServerTransport();
  await server.connect(transport);
  await new Promise<void>((resolve) => {
    process.stdin.once('end', resolve);
    process.stdin.once('close', resolve);
  });
  await server.close();
}
