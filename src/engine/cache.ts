/**
 * The lint cache (--cache), as ESLint's with --cache-strategy content: a
 * message whose content is unchanged since the last run, under the same
 * fingerprint (engine/cache-key.ts: tool, config, flags, language
 * components), gets the result stored then instead of being linted. Content,
 * not modification times, decides, so a fresh CI checkout hits too.
 *
 * A message's key is everything lint() reads of it: path (overrides and
 * template mode go by it), text, the customer's message, channel, language,
 * template flag, the archive's facts, and for a member of a macro collection
 * where each offset lies in the file. So an archive member, whose customer
 * message comes from another mail of the thread, is reused only when that
 * is unchanged too. Stdin is never cached.
 *
 * The cache file holds one entry per reported path (a changed file replaces
 * its entry); entries of files that no longer exist are dropped, and a file
 * linted in the run keeps only the members seen in it. It is written
 * atomically (a temporary file renamed over it); an unreadable or corrupt
 * cache is reported in one line and ignored, never an error.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FileResult } from '../types.js';
import { fileOfPath } from '../input/member-path.js';
import type { LintInput } from './linter.js';

export const DEFAULT_CACHE_LOCATION = '.aspalintcache';
/** The file's format; another one is a stale cache, started afresh in silence. */
const FORMAT = 1;

export type CacheProblem = { kind: 'unreadable' | 'not-written'; path: string; reason: string };

interface Entry {
  key: string;
  result: FileResult;
}

/** The cache file of --cache-location: a folder (existing, or written with a trailing slash) holds `.aspalintcache`. */
export function cacheFileOf(location: string): string {
  if (/[\\/]$/.test(location)) return join(location, DEFAULT_CACHE_LOCATION);
  try {
    if (statSync(location).isDirectory()) return join(location, DEFAULT_CACHE_LOCATION);
  } catch {
    // Not there yet: it is the file.
  }
  return location;
}

/** What lint() reads of a message, hashed; null for stdin, which has no lasting content to key by. */
export function messageKey(message: LintInput): string | null {
  if (message.path === '-' || message.path.startsWith('-#')) return null;
  const hash = createHash('sha256');
  const { path, text, customer, channel, lang, template, meta } = message;
  hash.update(JSON.stringify([path, text, customer ?? null, channel ?? null, lang ?? null, template ?? null, meta ?? null]));
  if (message.locate) {
    // Findings carry the positions in the collection file: the same text elsewhere in it is another result.
    const positions: string[] = [];
    for (let i = 0; i <= text.length; i++) {
      const p = message.locate(i);
      positions.push(`${p.line}:${p.column}`);
    }
    hash.update(positions.join(','));
  }
  return hash.digest('base64url');
}

function isEntry(value: unknown): value is Entry {
  if (typeof value !== 'object' || value === null) return false;
  const { key, result } = value as Partial<Entry>;
  return typeof key === 'string' && typeof result === 'object' && result !== null && typeof result.path === 'string' && Array.isArray(result.findings);
}

export class LintCache {
  private readonly entries = new Map<string, Entry>();
  /** Paths looked up this run, by their file. */
  private readonly seen = new Map<string, Set<string>>();
  private changed = false;

  private constructor(
    readonly file: string,
    private readonly fingerprint: string,
    private readonly onProblem: (problem: CacheProblem) => void,
  ) {}

  /** The cache at `file` for a run of this fingerprint; a missing, stale or unreadable one starts empty. */
  static open(file: string, fingerprint: string, onProblem: (problem: CacheProblem) => void): LintCache {
    const cache = new LintCache(file, fingerprint, onProblem);
    cache.load();
    return cache;
  }

  private load(): void {
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT') this.onProblem({ kind: 'unreadable', path: this.file, reason: code ?? (err as Error).message });
      return;
    }
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch {
      this.onProblem({ kind: 'unreadable', path: this.file, reason: 'not JSON' });
      return;
    }
    const { format, fingerprint, entries } = (typeof doc === 'object' && doc !== null ? doc : {}) as { format?: unknown; fingerprint?: unknown; entries?: unknown };
    if (typeof format !== 'number' || typeof fingerprint !== 'string' || typeof entries !== 'object' || entries === null || Array.isArray(entries)) {
      this.onProblem({ kind: 'unreadable', path: this.file, reason: 'not an aspalint cache' });
      return;
    }
    // Another format or another tool, config or flags: nothing in it applies (and it is rewritten at the end).
    if (format !== FORMAT || fingerprint !== this.fingerprint) {
      this.changed = true;
      return;
    }
    for (const [path, entry] of Object.entries(entries)) {
      if (!isEntry(entry)) {
        this.entries.clear();
        this.changed = true;
        this.onProblem({ kind: 'unreadable', path: this.file, reason: 'damaged entry' });
        return;
      }
      this.entries.set(path, entry);
    }
  }

  /** The stored result of a message with this key, if it is the one stored for its path. */
  get(path: string, key: string): FileResult | undefined {
    this.see(path);
    const entry = this.entries.get(path);
    return entry && entry.key === key ? entry.result : undefined;
  }

  set(path: string, key: string, result: FileResult): void {
    this.see(path);
    this.entries.set(path, { key, result });
    this.changed = true;
  }

  private see(path: string): void {
    const file = fileOfPath(path);
    let paths = this.seen.get(file);
    if (!paths) this.seen.set(file, (paths = new Set()));
    paths.add(path);
  }

  /** Writes the cache if anything changed: entries of this run's files as seen, others while their file exists. */
  save(): void {
    const entries: Record<string, Entry> = {};
    const exists = new Map<string, boolean>();
    for (const [path, entry] of this.entries) {
      const file = fileOfPath(path);
      const seen = this.seen.get(file);
      let keep: boolean;
      if (seen) keep = seen.has(path);
      else {
        if (!exists.has(file)) exists.set(file, existsSync(file));
        keep = exists.get(file)!;
      }
      if (keep) entries[path] = entry;
      else this.changed = true;
    }
    if (!this.changed) return;
    const temp = `${this.file}.${process.pid}.tmp`;
    try {
      writeFileSync(temp, JSON.stringify({ format: FORMAT, fingerprint: this.fingerprint, entries }));
      renameSync(temp, this.file);
      this.changed = false;
    } catch (err) {
      try {
        unlinkSync(temp);
      } catch {
        // Never written.
      }
      this.onProblem({ kind: 'not-written', path: this.file, reason: (err as NodeJS.ErrnoException).code ?? (err as Error).message });
    }
  }
}
