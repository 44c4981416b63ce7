import type { StemKeyTables } from '../text/stem.js';
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Channel, Lang, Severity, Trilingual } from '../types.js';

export interface PhraseEntry {
  match: string;
  suggest?: string[];
  /**
   * Suggestions for a reply that addresses its reader as te/ni (the polite plural):
   * "huomaattehan, että" where `suggest` has "huomaathan, että", so that taking the
   * suggestion does not mix sinä and te. `suggest` serves the other replies.
   */
  suggestPolite?: string[];
  /** Replacement text, present only where the swap is safe in any sentence. */
  fix?: string;
  severity?: Severity;
  /** Channels the entry applies to (default: the rule's). */
  channels?: Channel[];
  note?: string;
}

export type PhraseLists = Partial<Record<'fi' | 'sv' | 'en', PhraseEntry[]>>;

export interface ExampleCase {
  text: string;
  channel?: Channel;
  customer?: string;
  lang?: 'fi' | 'sv' | 'en';
  /** Read as a template (placeholders are names, control tags are blanked), as `--template` does. */
  template?: boolean;
  /** Bad examples: the exact text of each finding of the rule, in text order (RuleTester's `errors`). */
  actual?: string | string[];
  /** Bad examples whose rule fixes: the text after one pass of its fixes (RuleTester's `output`). */
  output?: string;
}

export type Example = string | ExampleCase;

export interface RuleMeta {
  id: string;
  title: Trilingual;
  severity: Severity;
  weight: number;
  bingo?: string;
  channels: Channel[];
  languages: Lang[];
  description: Trilingual;
  message: Trilingual;
  options: Record<string, unknown>;
  /** The JSON Schema of each option the rule takes (its YAML's optionsSchema); a config may set no other. */
  optionsSchema?: Record<string, object>;
  phrases?: PhraseLists;
  /** Optional speller a language needs (spelling/typo: Voikko for fi, Hunspell for sv). */
  requires?: Partial<Record<'fi' | 'sv' | 'en', 'voikko' | 'hunspell'>>;
  examples: Partial<Record<'fi' | 'sv' | 'en', { bad?: Example[]; good?: Example[] }>>;
}

export interface BingoSquare {
  id: string;
  rules: Record<string, number>;
  title: Trilingual;
  description: Trilingual;
}

export interface BingoTier {
  min: number;
  max: number;
  title: Trilingual;
  verdict: Trilingual;
}

export interface BingoCard {
  squares: BingoSquare[];
  tiers: BingoTier[];
}

export interface Catalogue {
  rules: RuleMeta[];
  bingo: BingoCard;
  /** Stem keys of the phrase words, computed by the build (text/stem.ts primeStemKeys). */
  stemKeys?: StemKeyTables;
}

/** The package root: the nearest folder upward that holds package.json (works from src/ and dist/). */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('aspalint: package root not found');
    dir = parent;
  }
  return dir;
}

let cached: Catalogue | undefined;

/** The rule catalogue, compiled from rules/ by the build into dist/catalogue.json. */
export function loadCatalogue(): Catalogue {
  if (cached) return cached;
  const file = join(packageRoot(), 'dist', 'catalogue.json');
  cached = JSON.parse(readFileSync(file, 'utf8')) as Catalogue;
  return cached;
}
