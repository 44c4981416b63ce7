/**
 * Who answers for the company in an mbox nobody described (no --agents, no
 * `archive.agents`): without it every customer's mail would be linted as a
 * reply. The headers say it: the company's side is the sender that answers
 * many different people (In-Reply-To pointing at someone else's message),
 * while a customer answers only the company. Failing that, a dominant own
 * domain: the one organisation's domain that sends most of the mail.
 *
 * Only headers are read (From, Message-ID, In-Reply-To), of the first
 * messages of the file: a few megabytes tell, and a long archive is not read
 * twice.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';
import { detach } from '../text/detach.js';

/** Mail providers anyone can have an address at: there a sender is an address, not an organisation. */
const FREE_MAIL = new Set(
  (
    'gmail.com googlemail.com hotmail.com hotmail.fi hotmail.se outlook.com outlook.fi outlook.se live.com live.fi live.se msn.com ' +
    'yahoo.com yahoo.se yahoo.co.uk icloud.com me.com mac.com aol.com gmx.com gmx.net gmx.de mail.com proton.me protonmail.com ' +
    'luukku.com suomi24.fi kolumbus.fi elisanet.fi welho.com saunalahti.fi netti.fi dnainternet.net pp.inet.fi ' +
    'telia.com telia.fi spray.se bredband.net bahnhof.se tele2.se comhem.se yandex.com'
  ).split(' '),
);

export interface AgentInference {
  /** The patterns, as --agents takes them: "@yritys.fi", or one address at a mail provider. */
  agents: string[];
  /** How many different senders the company side answered (0 when inferred from the domain alone). */
  answered: number;
}

interface Head {
  from?: string;
  id?: string;
  inReplyTo?: string;
}

function address(value: string): string | undefined {
  const bracketed = /<([^<>\s]+@[^<>\s]+)>/.exec(value);
  const bare = bracketed ? bracketed[1] : /[^\s<>"',;:]+@[^\s<>"',;:]+/.exec(value)?.[0];
  return bare?.toLowerCase();
}

function messageId(value: string): string | undefined {
  return /<([^<>\s]+)>/.exec(value)?.[1] ?? (value.trim().split(/\s+/)[0] || undefined);
}

/** The side a sender is on: its organisation's domain, or its own address at a mail provider. */
function sideOf(from: string): string {
  const domain = from.slice(from.lastIndexOf('@') + 1);
  return FREE_MAIL.has(domain) ? from : `@${domain}`;
}

const copied = (v: string | undefined) => (v === undefined ? v : detach(v));

/** The headers of the first messages of an mbox stream. Exported for its test. */
export async function readHeads(stream: Readable, maxMessages: number, maxBytes: number): Promise<Head[]> {
  const heads: Head[] = [];
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  // A read error ends the scan (readline's iterator would not always see it); the reader reports the file.
  stream.once('error', () => lines.close());
  let bytes = 0;
  let head: Head | undefined;
  let inHeaders = false;
  let current = '';
  const take = (line: string) => {
    const m = /^([A-Za-z-]+):\s*(.*)$/s.exec(line);
    if (!m || !head) return;
    const name = m[1]!.toLowerCase();
    // Copied: a slice of a line is a view into the 256 KB chunk it came in, and 20,000 heads would keep every chunk they were read from.
    if (name === 'from') head.from = copied(address(m[2]!));
    else if (name === 'message-id') head.id = copied(messageId(m[2]!));
    else if (name === 'in-reply-to') head.inReplyTo = copied(messageId(m[2]!));
  };
  try {
    for await (const line of lines) {
      bytes += line.length + 1;
      if (line.startsWith('From ') && !inHeaders) {
        if (heads.length >= maxMessages || bytes > maxBytes) break;
        head = {};
        heads.push(head);
        inHeaders = true;
        current = '';
        continue;
      }
      if (!inHeaders) continue;
      if (/^[ \t]/.test(line)) {
        current += ` ${line.trim()}`;
        continue;
      }
      take(current);
      current = line;
      if (line === '') inHeaders = false;
    }
  } finally {
    lines.close();
    stream.destroy();
  }
  if (inHeaders) take(current);
  return heads;
}

/** The company side from the headers, or undefined when they do not tell. */
export function inferFromHeads(heads: readonly Head[]): AgentInference | undefined {
  const senderOf = new Map<string, string>();
  for (const h of heads) if (h.id && h.from) senderOf.set(h.id, h.from);
  // For each side, the other sides it answers.
  const answers = new Map<string, Set<string>>();
  for (const h of heads) {
    if (!h.from || !h.inReplyTo) continue;
    const to = senderOf.get(h.inReplyTo);
    if (!to) continue;
    const side = sideOf(h.from);
    const other = sideOf(to);
    if (side === other) continue;
    let set = answers.get(side);
    if (!set) answers.set(side, (set = new Set()));
    set.add(other);
  }
  const ranked = [...answers].map(([side, set]) => ({ side, n: set.size })).sort((a, b) => b.n - a.n || a.side.localeCompare(b.side));
  // A customer answers the company; the company answers everyone. A tie tells nothing.
  if (ranked.length > 0 && (ranked.length === 1 || ranked[0]!.n > ranked[1]!.n)) return { agents: [ranked[0]!.side], answered: ranked[0]!.n };
  // No threads to go by: one organisation's domain sending most of the mail.
  const sent = new Map<string, number>();
  let total = 0;
  for (const h of heads) {
    if (!h.from) continue;
    total++;
    const side = sideOf(h.from);
    if (side.startsWith('@')) sent.set(side, (sent.get(side) ?? 0) + 1);
  }
  const domains = [...sent].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const [top, second] = domains;
  if (top && top[1] >= 2 && top[1] * 2 >= total && (!second || top[1] > second[1] * 2)) return { agents: [top[0]], answered: 0 };
  return undefined;
}

/** Reads the first messages' headers of an mbox file (plain or .gz) and infers the company side. */
export async function inferAgents(path: string, options: { maxMessages?: number; maxBytes?: number } = {}): Promise<AgentInference | undefined> {
  const file = createReadStream(path, { highWaterMark: 256 * 1024 });
  const stream: Readable = /\.gz$/i.test(path) ? file.pipe(createGunzip()) : file;
  try {
    return inferFromHeads(await readHeads(stream, options.maxMessages ?? 20_000, options.maxBytes ?? 64 * 1024 * 1024));
  } catch {
    // A file that cannot be read is the reader's to report.
    return undefined;
  } finally {
    file.destroy();
  }
}
