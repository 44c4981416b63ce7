/**
 * The bench corpus: N deterministic customer-service replies (Finnish and
 * Swedish, about 1 KB each) in bench/.corpus/replies/NNNNN.txt, assembled from
 * the pools in pools.ts with a seeded PRNG. A stamp file records the generator
 * version, seed and size, so an existing corpus is reused when they match.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Prng } from './prng.js';
import { POOLS, type BenchLang, type LangPools } from './pools.js';

/** Bump whenever the pools or the assembly change: the corpus is then rebuilt. */
export const GENERATOR_VERSION = 1;
export const DEFAULT_SEED = 20261101;

/** Share of openers, closings and body sentences taken from the bad pools. */
const BAD_OPENER = 0.15;
const BAD_CLOSING = 0.2;
const BAD_BODY = 0.03;

export interface CorpusStamp {
  generator: number;
  seed: number;
  replies: number;
  bytes: number;
  languages: Record<BenchLang, number>;
  /** Replies that carry at least one sentence from a bad pool. */
  withBadSentence: number;
  /** One ~1 KB reply per language, for the cold single-draft timing (file names). */
  drafts: Record<BenchLang, string>;
}

export interface Corpus {
  dir: string;
  repliesDir: string;
  stamp: CorpusStamp;
  /** File names in order (00000.txt …). */
  files: string[];
  reused: boolean;
}

const bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

function fileName(i: number, total: number): string {
  return `${String(i).padStart(Math.max(5, String(total - 1).length), '0')}.txt`;
}

interface ReplyContext {
  rng: Prng;
  lang: BenchLang;
  pools: LangPools;
  name: string;
  last: string;
}

const SV_MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];

function date(rng: Prng, lang: BenchLang): string {
  const d = rng.int(1, 28);
  const m = rng.int(1, 12);
  return lang === 'fi' ? `${d}.${m}.` : `den ${d} ${SV_MONTHS[m - 1]}`;
}

function fill(template: string, ctx: ReplyContext): string {
  const { rng, lang, pools } = ctx;
  return template.replace(/\{(\w+)\}/g, (_all, slot: string) => {
    switch (slot) {
      case 'name':
        return ctx.name;
      case 'last':
        return ctx.last;
      case 'date':
        return date(rng, lang);
      case 'weekday':
        return rng.pick(pools.weekdays);
      case 'month':
      case 'monthName':
        return rng.pick(pools.months);
      case 'order':
        return String(rng.int(100000, 999999));
      case 'invoice':
        return String(rng.int(1000000, 9999999));
      case 'tracking':
        return `JJFI${rng.int(10000000, 99999999)}`;
      case 'amount':
        return `${rng.int(5, 180)},${String(rng.int(0, 99)).padStart(2, '0')} €`;
      case 'cents':
        return `${rng.int(5, 14)},${rng.int(10, 99)}`;
      case 'days':
        return lang === 'fi' ? rng.pick(['kahden', 'kolmen', 'viiden']) : rng.pick(['två', 'tre', 'fem']);
      case 'hours': {
        const [from, to] = rng.pick([[8, 16], [8, 18], [9, 17], [10, 16]] as const);
        return lang === 'fi' ? `klo ${from}–${to}` : `kl. ${from}–${to}`;
      }
      case 'phone':
        return `0${rng.pick(['9', '10', '20', '40', '50'])} ${rng.int(100, 999)} ${rng.int(1000, 9999)}`;
      default:
        throw new Error(`bench corpus: unknown slot {${slot}}`);
    }
  });
}

interface Reply {
  lang: BenchLang;
  text: string;
  bad: boolean;
}

/** One reply: greeting, opener + body paragraphs, closing, sign-off. */
export function generateReply(rng: Prng): Reply {
  const lang: BenchLang = rng.chance(0.5) ? 'fi' : 'sv';
  const pools = POOLS[lang];
  const ctx: ReplyContext = { rng, lang, pools, name: rng.pick(pools.firstNames), last: rng.pick(pools.lastNames) };
  const topicName = rng.pick(Object.keys(pools.topics));
  const topic = pools.topics[topicName]!;
  const company = rng.pick(topic.companies);
  let bad = false;

  const greeting = fill(rng.pick(pools.greetings), ctx);
  const badOpener = rng.chance(BAD_OPENER);
  const opener = fill(rng.pick(badOpener ? pools.badOpeners : pools.openers), ctx);
  const badClosing = rng.chance(BAD_CLOSING);
  const closing = fill(rng.pick(badClosing ? pools.badClosings : pools.closings), ctx);
  bad ||= badOpener || badClosing;

  const sign: string[] = [rng.pick(pools.signoffs)];
  if (rng.chance(0.9)) sign.push(`${rng.pick(pools.firstNames)} ${rng.pick(pools.lastNames)}`);
  if (rng.chance(0.5)) sign.push(rng.pick(pools.team));
  sign.push(company);
  const signature = sign.join('\n');

  const target = rng.int(900, 1150);
  let size = bytes(greeting) + bytes(opener) + bytes(closing) + bytes(signature) + 8;
  // Topic sentences keep their pool order (a rough narrative), each kept with p = 0.75;
  // generic ones follow in random order to fill up to the target size.
  const candidates = [...topic.sentences.filter(() => rng.chance(0.75)), ...rng.shuffle(pools.generic)];
  const badLeft = rng.shuffle(pools.badBody);
  const body: string[] = [];
  for (const candidate of candidates) {
    if (body.length >= 3 && size >= target) break;
    let sentence = candidate;
    if (badLeft.length > 0 && rng.chance(BAD_BODY)) {
      sentence = badLeft.pop()!;
      bad = true;
    }
    const text = fill(sentence, ctx);
    body.push(text);
    size += bytes(text) + 1;
  }

  // Paragraphs of 2–3 sentences; the opener starts the first one.
  const paragraphs: string[] = [];
  let current: string[] = [opener];
  let room = rng.int(2, 3);
  for (const sentence of body) {
    if (current.length >= room) {
      paragraphs.push(current.join(' '));
      current = [];
      room = rng.int(2, 3);
    }
    current.push(sentence);
  }
  if (current.length > 0) paragraphs.push(current.join(' '));
  paragraphs.push(closing);
  return { lang, bad, text: `${greeting}\n\n${paragraphs.join('\n\n')}\n\n${signature}\n` };
}

function readStamp(file: string): CorpusStamp | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as CorpusStamp;
  } catch {
    return undefined;
  }
}

/** Returns the corpus in `dir`, generating it unless a matching one exists. */
export function ensureCorpus(dir: string, replies: number, seed: number = DEFAULT_SEED): Corpus {
  const repliesDir = join(dir, 'replies');
  const stampFile = join(dir, 'stamp.json');
  const files = Array.from({ length: replies }, (_, i) => fileName(i, replies));
  const old = readStamp(stampFile);
  if (old && old.generator === GENERATOR_VERSION && old.seed === seed && old.replies === replies && existsSync(repliesDir)) {
    const present = readdirSync(repliesDir).filter((f) => f.endsWith('.txt')).length;
    if (present === replies) return { dir, repliesDir, stamp: old, files, reused: true };
  }

  rmSync(stampFile, { force: true });
  rmSync(repliesDir, { recursive: true, force: true });
  mkdirSync(repliesDir, { recursive: true });
  const rng = new Prng(seed);
  const stamp: CorpusStamp = { generator: GENERATOR_VERSION, seed, replies, bytes: 0, languages: { fi: 0, sv: 0 }, withBadSentence: 0, drafts: { fi: '', sv: '' } };
  files.forEach((name, i) => {
    const reply = generateReply(rng);
    const size = bytes(reply.text);
    writeFileSync(join(repliesDir, name), reply.text);
    stamp.bytes += size;
    stamp.languages[reply.lang] += 1;
    if (reply.bad) stamp.withBadSentence += 1;
    if (!stamp.drafts[reply.lang] && size >= 950 && size <= 1100 && i > 0) stamp.drafts[reply.lang] = name;
  });
  for (const lang of ['fi', 'sv'] as const) if (!stamp.drafts[lang]) stamp.drafts[lang] = files[0]!;
  writeFileSync(stampFile, `${JSON.stringify(stamp, null, 2)}\n`);
  return { dir, repliesDir, stamp, files, reused: false };
}
