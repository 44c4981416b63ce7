/**
 * Threading an archive: which messages are the company's replies, and which
 * customer message each one answers.
 *
 * A reply is a message whose sender matches the `agents` patterns. Its
 * customer message is the one it answers: In-Reply-To first, then References
 * from the newest back, the first that is a customer message seen earlier in
 * the archive. Failing that the reply keeps no `customer`, and the linter
 * takes the newest message of the reply's own quoted history instead (most
 * replies quote what they answer).
 *
 * Streaming and threading pull in opposite directions: pairing needs the
 * earlier messages, flat memory forbids keeping them all. The threader keeps
 * a bounded map of recent customer messages by Message-ID: only the customer's
 * own words (their quoted history cut off, the string copied so it does not
 * pin the parsed mail), at most `maxCustomers` entries and `maxCustomerChars`
 * characters, the oldest dropped first. Memory is bounded by the caps, not by
 * the archive. The cost: a reply to a customer message older than the window
 * (in file order), or one that comes before its customer message in the file
 * (mbox files are in arrival order, so this is rare), falls back to its quoted
 * history. `stats.evicted` tells how many customer messages left the window.
 */
import { createHash } from 'node:crypto';
import { analyseAnatomy } from '../text/anatomy.js';
import { detach } from '../text/detach.js';
import type { MailRecord } from './eml.js';

export const DEFAULT_MAX_CUSTOMERS = 20_000;
/** Characters of customer text kept (≈ 32–64 MB: V8 stores Finnish and Swedish text one byte a character unless it has €, curly quotes or dashes). */
export const DEFAULT_MAX_CUSTOMER_CHARS = 8 * 1024 * 1024;

/**
 * The `--agents` value as patterns: comma-, semicolon- or space-separated,
 * lower-cased. "@yritys.fi" and "yritys.fi" are domains (subdomains included),
 * "laura@yritys.fi" is one address.
 */
export function parseAgents(spec: string | readonly string[] | undefined): string[] {
  if (!spec) return [];
  const parts = (typeof spec === 'string' ? [spec] : spec).flatMap((s) => s.split(/[\s,;]+/));
  return [...new Set(parts.map((p) => p.trim().toLowerCase().replace(/^<|>$/g, '')).filter(Boolean))];
}

/** A predicate for sender addresses from agent patterns (see parseAgents). */
export function agentMatcher(patterns: readonly string[]): (address: string | undefined) => boolean {
  const addresses = new Set<string>();
  const domains: string[] = [];
  for (const raw of patterns) {
    const p = raw.trim().toLowerCase();
    if (p === '') continue;
    if (p.startsWith('@')) domains.push(p.slice(1));
    else if (p.includes('@')) addresses.add(p);
    else domains.push(p);
  }
  return (address) => {
    if (!address) return false;
    const a = address.trim().toLowerCase();
    if (addresses.has(a)) return true;
    const domain = a.slice(a.lastIndexOf('@') + 1);
    return domains.some((d) => domain === d || domain.endsWith(`.${d}`));
  };
}

/** The customer's own words: the message without the quoted history below it. */
export function ownText(text: string): string {
  const end = analyseAnatomy(text).replyEnd;
  // Outlook's "____" rule (and "-----") above the quote header belongs to the quote.
  const own = text
    .slice(0, end)
    .replace(/(\n[ \t]*[_\-=]{8,}[ \t]*)+\s*$/, '')
    .trim();
  return own === '' ? text.trim() : own;
}

export interface ThreadOptions {
  /** Agent patterns (parseAgents). None: every message is linted, each paired with the message it answers. */
  agents?: readonly string[];
  maxCustomers?: number;
  maxCustomerChars?: number;
}

export interface ThreadStats {
  /** Messages yielded as replies. */
  replies: number;
  /** Replies given their customer message from the thread map. */
  paired: number;
  /** Messages kept as customer messages (not linted). */
  customers: number;
  /** Replies seen before under the same Message-ID (Gmail exports hold a message once per label), skipped. */
  duplicates: number;
  /** Customer messages dropped from the window to keep memory bounded. */
  evicted: number;
}

export type ThreadDecision = { reply: true; customer?: string } | { reply: false; reason: 'customer' | 'duplicate' };

/**
 * A Message-ID as a number: its SHA-1's first 52 bits. The duplicates set
 * keeps up to 80,000 of them for the whole run; as numbers they cost about 50 bytes
 * each, set included, instead of about 130 as the strings they were sliced from. Two ids in
 * the set share a key with a chance of about one in a million (n² / 2⁵³),
 * and the second one would then be skipped as a duplicate.
 */
function idKey(id: string): number {
  return Number(createHash('sha1').update(id).digest().readBigUInt64BE(0) >> 12n);
}

/** Feeds mails in archive order; says for each whether it is a reply to lint and with which customer text. */
export class Threader {
  readonly stats: ThreadStats = { replies: 0, paired: 0, customers: 0, duplicates: 0, evicted: 0 };
  private readonly isAgent: (address: string | undefined) => boolean;
  private readonly everyone: boolean;
  private readonly customers = new Map<string, string>();
  /** Replies' Message-IDs as idKey numbers, for the duplicates. */
  private readonly seenReplies = new Set<number>();
  private chars = 0;
  private readonly maxCustomers: number;
  private readonly maxChars: number;

  constructor(options: ThreadOptions = {}) {
    const agents = options.agents ?? [];
    this.everyone = agents.length === 0;
    this.isAgent = agentMatcher(agents);
    this.maxCustomers = options.maxCustomers ?? DEFAULT_MAX_CUSTOMERS;
    this.maxChars = options.maxCustomerChars ?? DEFAULT_MAX_CUSTOMER_CHARS;
  }

  /** Customer messages currently kept, and their characters (for tests and the bench). */
  get window(): { entries: number; chars: number } {
    return { entries: this.customers.size, chars: this.chars };
  }

  accept(mail: MailRecord): ThreadDecision {
    const agent = this.everyone || this.isAgent(mail.fromAddress);
    if (!agent || this.everyone) this.remember(mail);
    if (!agent) {
      this.stats.customers++;
      return { reply: false, reason: 'customer' };
    }
    if (mail.messageId) {
      const key = idKey(mail.messageId);
      if (this.seenReplies.has(key)) {
        this.stats.duplicates++;
        return { reply: false, reason: 'duplicate' };
      }
      this.seenReplies.add(key);
      // Ids are small, but bounded all the same.
      if (this.seenReplies.size > this.maxCustomers * 4) this.seenReplies.delete(this.seenReplies.values().next().value!);
    }
    this.stats.replies++;
    const customer = this.customerFor(mail);
    if (customer === undefined) return { reply: true };
    this.stats.paired++;
    return { reply: true, customer };
  }

  private customerFor(mail: MailRecord): string | undefined {
    const candidates = [...(mail.inReplyTo ? [mail.inReplyTo] : []), ...[...mail.references].reverse()];
    for (const id of candidates) {
      if (id === mail.messageId) continue;
      const text = this.customers.get(id);
      if (text !== undefined) return text;
    }
    return undefined;
  }

  private remember(mail: MailRecord): void {
    if (!mail.messageId) return;
    const text = detach(ownText(mail.text));
    const old = this.customers.get(mail.messageId);
    if (old !== undefined) {
      this.chars -= old.length;
      this.customers.delete(mail.messageId);
    }
    // Copied: the id is a slice of the header it was read from.
    this.customers.set(detach(mail.messageId), text);
    this.chars += text.length;
    while (this.customers.size > 0 && (this.customers.size > this.maxCustomers || this.chars > this.maxChars)) {
      const [id, oldest] = this.customers.entries().next().value!;
      this.customers.delete(id);
      this.chars -= oldest.length;
      this.stats.evicted++;
    }
  }
}
