import type { BingoCard } from '../engine/catalogue.js';
import { BingoTally } from '../engine/bingo.js';
import { isMemberPath } from '../input/member-path.js';
import type { FileResult, InputError, Summary, UiLang } from '../types.js';
import { bingoJson, bingoText } from './bingo.js';
import { jsonPieces } from './json.js';
import { Spool } from './spool.js';
import { stylishFile, stylishSummary } from './stylish.js';

/**
 * A report written as results arrive, so a batch of any size runs in flat
 * memory: each format writes what it can per file and the rest at the end.
 */
export interface Sink {
  add(result: FileResult): void;
  end(summary: Summary, uiLang: UiLang): void;
}

export type Write = (text: string) => void;

export interface SinkOptions {
  color: boolean;
  uiLang?: UiLang;
  card: BingoCard;
}

export function stylishSink(write: Write, options: SinkOptions): Sink {
  // Members of an archive or an export ("archive.mbox#<id>") are counted as replies, not files.
  let members = false;
  return {
    add(r) {
      if (!members && isMemberPath(r.path)) members = true;
      write(stylishFile(r, options));
    },
    end: (summary, uiLang) => write(stylishSummary(summary, { color: options.color, uiLang, unit: members ? 'reply' : 'file' })),
  };
}

/** The JSON document, streamed; input errors are collected for its tail. */
export function jsonSink(write: Write): Sink & { errors: InputError[] } {
  let first = true;
  write(jsonPieces.head());
  const errors: InputError[] = [];
  return {
    errors,
    add(r) {
      write(jsonPieces.file(r, first));
      first = false;
    },
    end: (summary, uiLang) => write(jsonPieces.tail(summary, !first, errors, uiLang)),
  };
}

/** A format written in pieces (head, a piece per reply, tail); input errors are collected for its tail. */
export function piecesSink(write: Write, pieces: { head(): string; file(r: FileResult): string; tail(errors: InputError[], summary: Summary, uiLang: UiLang): string }): Sink & { errors: InputError[] } {
  write(pieces.head());
  const errors: InputError[] = [];
  return {
    errors,
    add: (r) => write(pieces.file(r)),
    end: (summary, uiLang) => write(pieces.tail(errors, summary, uiLang)),
  };
}

export function bingoSink(write: Write, options: SinkOptions & { json: boolean }): Sink {
  const tally = new BingoTally(options.card);
  return {
    add: (r) => tally.add(r.path, r.findings),
    end: (_summary, uiLang) => write(options.json ? bingoJson(tally.result()) : bingoText(options.card, tally.result(), uiLang, options.color)),
  };
}

/**
 * A result with only what the aggregate views need (rule, severity, weight,
 * the flagged text): kept for every reply of a long run, it stays small.
 */
export function slimResult(r: FileResult): FileResult {
  return {
    path: r.path,
    language: r.language,
    channel: r.channel,
    score: r.score,
    bingo: r.bingo,
    suppressed: r.suppressed,
    // A copy: the mail's header fields would otherwise keep the whole mail alive (see text/detach.ts).
    ...(r.meta ? { meta: structuredClone(r.meta) } : {}),
    findings: r.findings.map((f) => ({ ...f, message: '', suggestions: [], actual: f.actual.slice(0, 80) })),
  };
}

/**
 * Formats that need the whole run before they can write (SARIF, GitHub
 * annotations, JUnit, HTML): results are collected, slimmed where the format
 * allows, and rendered at the end.
 */
export function collectingSink(
  write: Write,
  render: (results: FileResult[], summary: Summary, errors: InputError[], uiLang: UiLang) => string,
  options: { slim?: (r: FileResult) => FileResult } = {},
): Sink & { errors: InputError[] } {
  const results: FileResult[] = [];
  const sink = {
    errors: [] as InputError[],
    add: (r: FileResult) => void results.push(options.slim ? options.slim(r) : r),
    end: (summary: Summary, uiLang: UiLang) => write(render(results, summary, sink.errors, uiLang)),
  };
  return sink;
}

/**
 * Formats that put what the whole run tells before the results (SARIF its
 * rules, JUnit its counts) and write them in pieces: the results wait in a
 * Spool on disk, not in memory, and are read back at the end.
 */
export function spoolingSink(
  write: Write,
  render: (results: Iterable<FileResult>, summary: Summary, errors: InputError[], uiLang: UiLang) => Iterable<string>,
): Sink & { errors: InputError[] } {
  const spool = new Spool<FileResult>();
  const sink = {
    errors: [] as InputError[],
    add: (r: FileResult) => spool.add(r),
    end: (summary: Summary, uiLang: UiLang) => {
      try {
        for (const piece of render(spool, summary, sink.errors, uiLang)) write(piece);
      } finally {
        spool.close();
      }
    },
  };
  return sink;
}

/** The ten weakest replies keep their findings in full and their text; the rest are slimmed. */
export function worstKeeper(count: number) {
  const worst: FileResult[] = [];
  return {
    slim(r: FileResult): FileResult {
      if (worst.length < count || r.score > worst[worst.length - 1]!.score) {
        worst.push(r);
        worst.sort((a, b) => b.score - a.score);
        const dropped = worst.length > count ? worst.pop()! : undefined;
        if (dropped && dropped !== r) Object.assign(dropped, slimResult(dropped), { source: undefined });
        return r;
      }
      return slimResult(r);
    },
  };
}
