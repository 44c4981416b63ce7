/**
 * `aspalint lsp --stdio`: a language server for template repositories opened
 * in an editor. Documents are linted on open and, debounced, on change; each
 * finding is a diagnostic with the rule id, severity and message. Code
 * actions: a finding's safe fix, fix-all for the file, and a suppression
 * comment in the file's own comment syntax. Each document gets the config the
 * CLI would find from its folder (or --config); the config is read again when
 * .aspalintrc.yaml or .aspalint-words.txt changes or is saved.
 */
import { basename, dirname, extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CodeActionKind,
  createConnection,
  DiagnosticSeverity,
  DidChangeWatchedFilesNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type Connection,
  type Diagnostic,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, Severity } from '../types.js';
import { CONFIG_NAMES, ConfigError, findConfig } from '../engine/config.js';
import { WORDS_FILE } from '../checks/spelling/words.js';
import { LintService } from './service.js';

export interface LspOptions {
  cwd: string;
  /** One config for every document; without it, the nearest one upward from each document. */
  configFile?: string;
  version: string;
  /** Milliseconds of quiet after a change before the document is linted again. */
  debounceMs?: number;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** Files that are not replies: the config, the word list, data files. */
function isLintable(uri: string, languageId: string): boolean {
  const name = basename(uri);
  if (CONFIG_NAMES.includes(name) || name === WORDS_FILE) return false;
  return !['yaml', 'json', 'jsonc'].includes(languageId);
}

/** A comment that suppresses a rule on the next line, in the syntax of the file's kind. */
export function suppressionComment(path: string, ruleId: string): string {
  const directive = `aspalint-disable-next-line ${ruleId}`;
  switch (extname(path).toLowerCase()) {
    case '.hbs':
    case '.handlebars':
    case '.mustache':
      return `{{!-- ${directive} --}}`;
    case '.liquid':
      return `{% comment %} ${directive} {% endcomment %}`;
    case '.njk':
    case '.nunjucks':
      return `{# ${directive} #}`;
    default:
      // Markdown, HTML and plain text: an HTML comment, which helpdesk editors drop when they render.
      return `<!-- ${directive} -->`;
  }
}

interface Linted {
  version: number;
  findings: Finding[];
}

export function startLsp(options: LspOptions, connection: Connection = createConnection(ProposedFeatures.all)): Promise<void> {
  const documents = new TextDocuments(TextDocument);
  const services = new Map<string, LintService | ConfigError>();
  const linted = new Map<string, Linted>();
  const timers = new Map<string, NodeJS.Timeout>();
  const debounceMs = options.debounceMs ?? 200;
  let watchFiles = false;

  const pathOf = (uri: string): string | null => (uri.startsWith('file:') ? fileURLToPath(uri) : null);

  /** The service for a document's config, built once per config file; a broken config is reported once. */
  function serviceFor(path: string | null): LintService | null {
    const configFile = options.configFile ?? findConfig(path ? dirname(path) : options.cwd);
    const key = configFile ?? '';
    let service = services.get(key);
    if (!service) {
      try {
        service = new LintService({ configFile, cwd: options.cwd });
      } catch (err) {
        if (!(err instanceof ConfigError)) throw err;
        service = err;
        void connection.window.showErrorMessage(`aspalint: ${err.toString()}`);
      }
      services.set(key, service);
    }
    return service instanceof LintService ? service : null;
  }

  function lint(document: TextDocument): void {
    if (!isLintable(document.uri, document.languageId)) return;
    const path = pathOf(document.uri);
    const service = serviceFor(path);
    if (!service) {
      linted.delete(document.uri);
      void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: [] });
      return;
    }
    const result = service.lintResult({ text: document.getText(), ...(path ? { path } : {}) });
    linted.set(document.uri, { version: document.version, findings: result.findings });
    const diagnostics: Diagnostic[] = result.findings.map((f) => ({
      range: { start: { line: f.line - 1, character: f.column - 1 }, end: { line: f.endLine - 1, character: f.endColumn - 1 } },
      severity: SEVERITY[f.severity],
      code: f.ruleId,
      source: 'aspalint',
      message: f.suggestions.length > 0 && !f.message.includes(f.suggestions[0]!) ? `${f.message} (${f.suggestions.slice(0, 3).join(' / ')})` : f.message,
      data: { offset: f.offset, length: f.length, ruleId: f.ruleId },
    }));
    void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
  }

  function schedule(document: TextDocument): void {
    clearTimeout(timers.get(document.uri));
    timers.set(
      document.uri,
      setTimeout(() => {
        timers.delete(document.uri);
        const current = documents.get(document.uri);
        if (current) lint(current);
      }, debounceMs),
    );
  }

  function reload(): void {
    services.clear();
    for (const document of documents.all()) lint(document);
  }

  const isConfigUri = (uri: string) => CONFIG_NAMES.includes(basename(uri)) || basename(uri) === WORDS_FILE;

  connection.onInitialize((params) => {
    watchFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll] },
      },
      serverInfo: { name: 'aspalint', version: options.version },
    };
  });

  connection.onInitialized(() => {
    if (watchFiles) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [...CONFIG_NAMES, WORDS_FILE].map((name) => ({ globPattern: `**/${name}` })),
      });
    }
  });

  connection.onDidChangeWatchedFiles((params) => {
    if (params.changes.some((c) => isConfigUri(c.uri))) reload();
  });

  documents.onDidOpen((e) => lint(e.document));
  documents.onDidChangeContent((e) => {
    // Opening a document also fires a change, of the version already linted.
    if (linted.get(e.document.uri)?.version !== e.document.version) schedule(e.document);
  });
  documents.onDidSave((e) => {
    if (isConfigUri(e.document.uri)) reload();
  });
  documents.onDidClose((e) => {
    clearTimeout(timers.get(e.document.uri));
    timers.delete(e.document.uri);
    linted.delete(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onCodeAction((params) => {
    const document = documents.get(params.textDocument.uri);
    const last = linted.get(params.textDocument.uri);
    // Offsets are those of the text linted: a document changed since gets its actions after the next lint.
    if (!document || !last || last.version !== document.version) return [];
    const path = pathOf(document.uri) ?? 'reply.txt';
    const only = params.context.only;
    const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
    const actions: CodeAction[] = [];
    for (const diagnostic of params.context.diagnostics) {
      if (diagnostic.source !== 'aspalint') continue;
      const data = diagnostic.data as { offset: number; length: number; ruleId: string } | undefined;
      const finding = data && last.findings.find((f) => f.offset === data.offset && f.length === data.length && f.ruleId === data.ruleId);
      if (!finding) continue;
      if (finding.fix && wants(CodeActionKind.QuickFix)) {
        const { offset, length, text } = finding.fix;
        actions.push({
          title: length === 0 ? `aspalint: insert “${text}”` : text === '' ? `aspalint: remove “${document.getText().slice(offset, offset + length)}”` : `aspalint: replace with “${text}”`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: true,
          edit: { changes: { [document.uri]: [{ range: { start: document.positionAt(offset), end: document.positionAt(offset + length) }, newText: text }] } },
        });
      }
      if (wants(CodeActionKind.QuickFix)) {
        const line = finding.line - 1;
        const lineText = document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
        const indent = /^[ \t]*/.exec(lineText)![0];
        actions.push({
          title: `aspalint: disable ${finding.ruleId} on this line`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          edit: { changes: { [document.uri]: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}${suppressionComment(path, finding.ruleId)}\n` }] } },
        });
      }
    }
    if (last.findings.some((f) => f.fix) && wants(CodeActionKind.SourceFixAll)) {
      const service = serviceFor(pathOf(document.uri));
      const fixed = service?.fix({ text: document.getText(), ...(pathOf(document.uri) ? { path: pathOf(document.uri)! } : {}) });
      if (fixed && fixed.output !== document.getText()) {
        actions.push({
          title: 'aspalint: apply every safe fix in the file',
          kind: CodeActionKind.SourceFixAll,
          edit: { changes: { [document.uri]: [{ range: { start: { line: 0, character: 0 }, end: document.positionAt(document.getText().length) }, newText: fixed.output }] } },
        });
      }
    }
    return actions;
  });

  documents.listen(connection);
  connection.listen();
  return new Promise<void>((resolve) => connection.onExit(() => resolve()));
}
