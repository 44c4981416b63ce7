import type { Channel, InputError, Message } from '../types.js';
import { CHANNELS } from '../types.js';

/**
 * JSON Lines export: one message per line,
 * {"id", "reply", "customer"?, "channel"?, "agent"?, "lang"?, "date"?}.
 * A broken line is reported with its number; the other lines are still read.
 */
export function* readJsonl(path: string, text: string): Generator<{ message: Omit<Message, 'channel'> & { channel?: Channel } } | { error: InputError }> {
  const lines = text.split(/\r?\n/);
  let any = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    any = true;
    const lineNo = i + 1;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch (err) {
      yield { error: { path: `${path}:${lineNo}`, code: 'bad-json', detail: { reason: (err as Error).message.replace(/ in JSON at position \d+.*$/, '') } } };
      continue;
    }
    const r = record as Record<string, unknown>;
    if (typeof r !== 'object' || r === null || Array.isArray(r) || typeof r.reply !== 'string') {
      yield { error: { path: `${path}:${lineNo}`, code: 'bad-record', detail: { field: 'reply' } } };
      continue;
    }
    if (r.channel !== undefined && !CHANNELS.includes(r.channel as Channel)) {
      yield { error: { path: `${path}:${lineNo}`, code: 'bad-record', detail: { field: 'channel' } } };
      continue;
    }
    if (r.reply.trim() === '') {
      yield { error: { path: `${path}:${lineNo}`, code: 'empty' } };
      continue;
    }
    const id = typeof r.id === 'string' || typeof r.id === 'number' ? String(r.id) : String(lineNo);
    const message: Omit<Message, 'channel'> & { channel?: Channel } = { path: `${path}#${id}`, text: r.reply };
    if (typeof r.customer === 'string' && r.customer.trim() !== '') message.customer = r.customer;
    if (r.channel) message.channel = r.channel as Channel;
    if (r.lang === 'fi' || r.lang === 'sv' || r.lang === 'en') message.lang = r.lang;
    const meta: NonNullable<Message['meta']> = { id };
    if (typeof r.agent === 'string') meta.agent = r.agent;
    if (typeof r.date === 'string') meta.date = r.date;
    message.meta = meta;
    yield { message };
  }
  if (!any) yield { error: { path, code: 'empty' } };
}
