import type { BingoCard } from '../engine/catalogue.js';
import { BingoTally } from '../engine/bingo.js';
import type { FileResult, Summary, UiLang } from '../types.js';
import { bingoJson, bingoText } from './bingo.js';
import { jsonPieces } from './json.js';
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
  return {
    add: (r) => write(stylishFile(r, options)),
    end: (summary, uiLang) => write(stylishSummary(summary, { color: options.color, uiLang })),
  };
}

export function jsonSink(write: Write): Sink {
  let first = true;
  write(jsonPieces.head());
  return {
    add(r) {
      write(jsonPieces.file(r, first));
      first = false;
    },
    end: (summary) => write(jsonPieces.tail(summary, !first)),
  };
}

export function bingoSink(write: Write, options: SinkOptions & { json: boolean }): Sink {
  const tally = new BingoTally(options.card);
  return {
    add: (r) => tally.add(r.path, r.findings),
    end: (_summary, uiLang) => write(options.json ? bingoJson(tally.result()) : bingoText(options.card, tally.result(), uiLang, options.color)),
  };
}
