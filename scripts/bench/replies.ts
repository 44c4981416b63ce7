/**
 * The bench corpus of replies, built from the project's own texts: the reply
 * fixtures (fixtures/clean, fixtures/replies) and the evaluation messages
 * whose text is in the repository (eval/messages/*.yaml with `text:`). Each
 * reply is in one language, about 1 KB (one source's greeting, opening and
 * sign-off, its body padded with paragraphs of other sources of the same
 * language); every tenth is bilingual, a Finnish part and a Swedish part, as
 * auto-replies of Finnish services often are. Seeded, so the same options give
 * the same corpus byte for byte; a stamp records what it was built from.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { createHash } from 'node:crypto';
import { parse } from 'yaml';
import { Prng } from './prng.js';

/** Bump whenever the assembly changes: the corpus is then rebuilt. */
export const REPLIES_GENERATOR_VERSION = 1;
export const REPLIES_DEFAULT_SEED = 20261203;

export type ReplyLang = 'fi' | 'sv';

interface Source {
  file: string;
  lang: ReplyLang;
  paragraphs: string[];
}

export interface RepliesStamp {
  generator: number;
  seed: number;
  replies: number;
  bytes: number;
  /** Replies per language: fi, sv and bilingual fi+sv. */
  languages: { fi: number; sv: number; 'fi+sv': number };
  /** Source texts by origin, and a hash of their contents (a changed fixture rebuilds the corpus). */
  sources: { fixtures: number; eval: number; hash: string };
}

export interface RepliesCorpus {
  repliesDir: string;
  stamp: RepliesStamp;
  /** File names in order. */
  files: string[];
  reused: boolean;
}

const bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.txt') ? [join(dir, e.name)] : []))
    .sort();
}

function paragraphsOf(text: string): string[] {
  return text
    .replace(/\r\n/g, '\n')
    .split(/\n[ \t]*\n+/)
    .map((p) => p.replace(/\s+$/, ''))
    .filter((p) => p.trim() !== '');
}

/** The fixtures' replies (language from the file name: fi-…, sv-…, sv-fi-…) and the eval messages with text in fi or sv. */
export function loadSources(root: string): Source[] {
  const sources: Source[] = [];
  for (const dir of ['fixtures/clean', 'fixtures/replies']) {
    for (const file of walk(join(root, dir))) {
      const lang = /^(fi|sv)-/.exec(basename(file))?.[1] as ReplyLang | undefined;
      if (!lang) continue;
      sources.push({ file: relative(root, file), lang, paragraphs: paragraphsOf(readFileSync(file, 'utf8')) });
    }
  }
  const evalDir = join(root, 'eval', 'messages');
  for (const name of existsSync(evalDir) ? readdirSync(evalDir).filter((f) => f.endsWith('.yaml')).sort() : []) {
    const doc = parse(readFileSync(join(evalDir, name), 'utf8')) as { lang?: string; text?: unknown };
    if ((doc.lang !== 'fi' && doc.lang !== 'sv') || typeof doc.text !== 'string') continue;
    sources.push({ file: `eval/messages/${name}`, lang: doc.lang, paragraphs: paragraphsOf(doc.text) });
  }
  return sources.filter((s) => s.paragraphs.length > 0);
}

/**
 * One reply of about `target` bytes: a source's first paragraph (the greeting
 * or opening) and last (the sign-off) around its own body, padded with body
 * paragraphs of other sources of the language, or cut to size.
 */
function assemble(rng: Prng, pool: Source[], target: number): string {
  const base = rng.pick(pool);
  const head = base.paragraphs[0]!;
  const tail = base.paragraphs.length > 1 ? base.paragraphs[base.paragraphs.length - 1]! : '';
  const body = base.paragraphs.slice(1, -1);
  let size = bytes(head) + bytes(tail) + body.reduce((n, p) => n + bytes(p) + 2, 4);
  for (let tries = 0; size < target && tries < 50; tries++) {
    const other = rng.pick(pool);
    if (other.paragraphs.length < 3) continue;
    const p = rng.pick(other.paragraphs.slice(1, -1));
    if (size + bytes(p) > target * 1.25) continue;
    body.splice(rng.int(0, body.length), 0, p);
    size += bytes(p) + 2;
  }
  while (size > target * 1.25 && body.length > 1) size -= bytes(body.splice(rng.int(0, body.length - 1), 1)[0]!) + 2;
  return [head, ...body, tail].filter(Boolean).join('\n\n');
}

/** The corpus in `dir` (files NNNNN.txt), built unless a matching one exists. */
export function ensureReplies(root: string, dir: string, replies: number, seed: number = REPLIES_DEFAULT_SEED): RepliesCorpus {
  const sources = loadSources(root);
  const hash = createHash('sha256');
  for (const s of sources) hash.update(`${s.file}\0${s.paragraphs.join('\n\n')}\0`);
  const digest = hash.digest('hex').slice(0, 16);
  const repliesDir = join(dir, 'replies');
  const stampFile = join(dir, 'stamp.json');
  const width = Math.max(5, String(replies - 1).length);
  const files = Array.from({ length: replies }, (_, i) => `${String(i).padStart(width, '0')}.txt`);
  try {
    const old = JSON.parse(readFileSync(stampFile, 'utf8')) as RepliesStamp;
    if (old.generator === REPLIES_GENERATOR_VERSION && old.seed === seed && old.replies === replies && old.sources.hash === digest) {
      if (files.every((f) => existsSync(join(repliesDir, f)))) return { repliesDir, stamp: old, files, reused: true };
    }
  } catch {
    // no stamp: build
  }
  const byLang: Record<ReplyLang, Source[]> = { fi: sources.filter((s) => s.lang === 'fi'), sv: sources.filter((s) => s.lang === 'sv') };
  if (byLang.fi.length === 0 || byLang.sv.length === 0) throw new Error('bench corpus: no Finnish or no Swedish source texts under fixtures/ and eval/messages/');
  rmSync(repliesDir, { recursive: true, force: true });
  mkdirSync(repliesDir, { recursive: true });
  const rng = new Prng(seed);
  const stamp: RepliesStamp = {
    generator: REPLIES_GENERATOR_VERSION,
    seed,
    replies,
    bytes: 0,
    languages: { fi: 0, sv: 0, 'fi+sv': 0 },
    sources: { fixtures: sources.filter((s) => s.file.startsWith('fixtures/')).length, eval: sources.filter((s) => s.file.startsWith('eval/')).length, hash: digest },
  };
  files.forEach((name, i) => {
    let text: string;
    if (i % 10 === 9) {
      // Finnish first, then the same message in Swedish, as a bilingual service writes it.
      text = `${assemble(rng, byLang.fi, rng.int(450, 575))}\n\n– – –\n\n${assemble(rng, byLang.sv, rng.int(450, 575))}\n`;
      stamp.languages['fi+sv']++;
    } else {
      const lang: ReplyLang = rng.chance(0.5) ? 'fi' : 'sv';
      text = `${assemble(rng, byLang[lang], rng.int(900, 1150))}\n`;
      stamp.languages[lang]++;
    }
    writeFileSync(join(repliesDir, name), text);
    stamp.bytes += bytes(text);
  });
  writeFileSync(stampFile, `${JSON.stringify(stamp, null, 2)}\n`);
  return { repliesDir, stamp, files, reused: false };
}

/** Bytes of the corpus files (a check the stamp is right). */
export function corpusBytes(c: RepliesCorpus): number {
  return c.files.reduce((n, f) => n + statSync(join(c.repliesDir, f)).size, 0);
}
