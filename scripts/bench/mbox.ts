/**
 * Bench data for the archive reader: a deterministic mbox of customer-service
 * email (Finnish and Swedish), threaded with Message-ID / In-Reply-To /
 * References, in the encodings real archives hold (UTF-8 quoted-printable,
 * base64 and 8bit, ISO-8859-1, Windows-1252, HTML-only, multipart with an
 * attachment), and the measurement of streaming it through readMbox.
 *
 *   node dist/scripts/bench/mbox.js [--mb 200] [--seed N] [--out bench/.corpus/archive.mbox] [--no-measure]
 *
 * Agent replies come from generateReply (corpus.ts, pools.ts); the customer
 * messages they answer from the pools below. Threads overlap in time like a
 * real queue. A stamp file next to the mbox records generator version, seed
 * and size, so an existing file is reused.
 */
import { closeSync, createReadStream, existsSync, mkdirSync, openSync, readFileSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import iconv from 'iconv-lite';
import { readMbox, type MboxStats } from '../../src/input/mbox.js';
import { generateReply } from './corpus.js';
import { POOLS, type BenchLang } from './pools.js';
import { Prng } from './prng.js';

/** Bump whenever the assembly changes: an existing mbox is then rebuilt. */
export const MBOX_GENERATOR_VERSION = 1;
export const MBOX_DEFAULT_SEED = 20261122;
/** The company's addresses in the generated archive (the --agents value for it). */
export const BENCH_AGENTS = ['@yritys.fi', 'tuki@kumppani.fi'];

// ---------------------------------------------------------------- customer pools

const CUSTOMER: Record<BenchLang, { openers: string[]; questions: string[]; followUps: string[]; signoffs: string[]; subjects: string[] }> = {
  fi: {
    openers: ['Hei,', 'Hei!', 'Moi,', 'Moikka!', 'Hyvä asiakaspalvelu,', 'Päivää,', ''],
    questions: [
      'Tilasin {weekday} kengät (tilaus {order}), mutta seurannassa ei ole näkynyt mitään kolmeen päivään. Missä paketti on?',
      'Sain laskun {invoice}, ja summa on paljon isompi kuin yleensä. Voitteko tarkistaa, onko siinä virhe?',
      'Netti on pätkinyt koko viikon iltaisin. Modeemi on käynnistetty uudelleen monta kertaa. Mitä voin vielä tehdä?',
      'Tuulilasiin tuli kivenisku moottoritiellä. Korvaako vakuutus korjauksen, ja mihin korjaamoon voin mennä?',
      'Kadotin pankkikorttini eilen illalla. Onko kortti nyt suljettu, ja milloin saan uuden?',
      'Haluaisin laittaa salijäsenyyden tauolle kahdeksi kuukaudeksi, koska olen ulkomailla töissä. Onnistuuko se?',
      'Palautin takin kaksi viikkoa sitten, mutta rahoja ei ole vielä tullut tilille. Koska ne tulevat?',
      'Voiko laskun eräpäivää siirtää kahdella viikolla? Palkka tulee vasta kuun puolivälissä.',
      'Muutan ensi kuussa. Miten siirrän liittymän uuteen osoitteeseen, ja katkeaako yhteys välillä?',
      'Minulta on veloitettu kuukausimaksu kahteen kertaan. Saanko toisen takaisin?',
    ],
    followUps: [
      'Kiitos vastauksesta! Vielä yksi kysymys: tuleeko tästä jotain lisäkuluja?',
      'Kiitos! Paketti ei ole vieläkään tullut. Mitä nyt tehdään?',
      'Ok, kiitos. Milloin asia on hoidossa?',
      'Kiitos nopeasta vastauksesta. Tarvitsetteko minulta vielä jotain?',
    ],
    signoffs: ['Terveisin', 't.', 'Kiitos jo etukäteen!', 'Ystävällisin terveisin', ''],
    subjects: ['Tilaus {order}', 'Lasku {invoice}', 'Nettiyhteys pätkii', 'Kivenisku tuulilasiin', 'Kadonnut kortti', 'Jäsenyyden tauko', 'Palautus', 'Eräpäivän siirto', 'Muutto', 'Tuplaveloitus'],
  },
  sv: {
    openers: ['Hej,', 'Hej!', 'Hejsan,', 'Hej kundtjänst,', 'God dag,', ''],
    questions: [
      'Jag beställde ett par skor i {weekday} (order {order}), men spårningen har inte ändrats på tre dagar. Var är paketet?',
      'Jag fick fakturan {invoice} och beloppet är mycket högre än vanligt. Kan ni kolla om något är fel?',
      'Nätet har hackat varje kväll hela veckan. Jag har startat om modemet flera gånger. Vad mer kan jag göra?',
      'Jag fick ett stenskott i vindrutan på motorvägen. Ersätter försäkringen reparationen, och vilken verkstad kan jag anlita?',
      'Jag tappade mitt bankkort i går kväll. Är kortet spärrat nu, och när får jag ett nytt?',
      'Jag skulle vilja pausa mitt gymmedlemskap i två månader eftersom jag jobbar utomlands. Går det?',
      'Jag returnerade en jacka för två veckor sedan men har inte fått pengarna än. När kommer de?',
      'Kan jag skjuta upp förfallodagen med två veckor? Lönen kommer först i mitten av månaden.',
      'Jag flyttar nästa månad. Hur flyttar jag abonnemanget till den nya adressen, och blir det något avbrott?',
      'Ni har dragit månadsavgiften två gånger. Kan jag få tillbaka den ena?',
    ],
    followUps: [
      'Tack för svaret! En fråga till: kostar det något extra?',
      'Tack! Paketet har fortfarande inte kommit. Vad gör vi nu?',
      'Okej, tack. När är det fixat?',
      'Tack för snabbt svar. Behöver ni något mer från mig?',
    ],
    signoffs: ['Hälsningar', 'Mvh', 'Tack på förhand!', 'Vänliga hälsningar', ''],
    subjects: ['Order {order}', 'Faktura {invoice}', 'Nätet hackar', 'Stenskott i vindrutan', 'Borttappat kort', 'Paus i medlemskapet', 'Retur', 'Ny förfallodag', 'Flytt', 'Dubbel dragning'],
  },
};

const CUSTOMER_DOMAINS = ['gmail.com', 'outlook.com', 'hotmail.com', 'elisanet.fi', 'kolumbus.fi', 'luukku.com', 'netti.fi', 'telia.se', 'icloud.com'];
const AGENT_NAMES = ['Laura Mäkinen', 'Johanna Ek', 'Pekka Järvinen', 'Björn Wikström', 'Noora Korhonen', 'Ville Laine', 'Sanna Lindqvist', 'Mikko Salminen', 'Åsa Nyström', 'Tuomas Heikkinen'];

// ---------------------------------------------------------------- encodings

type BodyEncoding = 'qp' | 'base64' | '8bit' | 'latin1' | 'cp1252' | 'html' | 'attachment';

function asciiName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, '.');
}

/** Quoted-printable of bytes, "\n" line ends, soft breaks at 76. */
export function encodeQp(bytes: Buffer): string {
  const out: string[] = [];
  let line = '';
  const push = (token: string) => {
    if (line.length + token.length > 75) {
      out.push(`${line}=`);
      line = '';
    }
    line += token;
  };
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === 0x0a) {
      // Trailing white space before a line end must be encoded.
      if (line.endsWith(' ') || line.endsWith('\t')) line = `${line.slice(0, -1)}=${line.charCodeAt(line.length - 1) === 32 ? '20' : '09'}`;
      out.push(line);
      line = '';
    } else if ((b >= 33 && b <= 126 && b !== 61) || b === 32 || b === 9) push(String.fromCharCode(b));
    else push(`=${b.toString(16).toUpperCase().padStart(2, '0')}`);
  }
  out.push(line);
  return out.join('\n');
}

function encodeBase64(bytes: Buffer): string {
  return (bytes.toString('base64').match(/.{1,76}/g) ?? []).join('\n');
}

/** An RFC 2047 encoded word when the text is not plain ASCII. */
function headerWord(text: string, charset: 'UTF-8' | 'ISO-8859-1' = 'UTF-8'): string {
  if (/^[\x20-\x7e]*$/.test(text)) return text;
  const bytes = charset === 'UTF-8' ? Buffer.from(text, 'utf8') : Buffer.from(text, 'latin1');
  let q = '';
  for (const b of bytes) q += b === 32 ? '_' : (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122) ? String.fromCharCode(b) : `=${b.toString(16).toUpperCase().padStart(2, '0')}`;
  return `=?${charset}?Q?${q}?=`;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');

/** RFC 5322 date in Finnish time (+0200, no summer time: deterministic and good enough). */
function rfcDate(ms: number): string {
  const d = new Date(ms + 2 * 3600_000);
  return `${DAYS[d.getUTCDay()]}, ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0200`;
}

/** The mbox "From " line's asctime (UTC). */
function asctime(ms: number): string {
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${d.getUTCFullYear()}`;
}

function htmlOf(text: string): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const paragraphs = text.split(/\n{2,}/).map((p) => `<p>${esc(p).replace(/\n/g, '<br>\n').replace(/ (\d)/g, '&nbsp;$1')}</p>`);
  return `<html><head><meta charset="utf-8"></head><body>\n${paragraphs.join('\n')}\n</body></html>\n`;
}

const FAKE_PDF = Buffer.from('%PDF-1.4\n% aspalint bench attachment\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'.repeat(6));

interface Mail {
  fromName: string;
  fromAddress: string;
  to: string;
  subject: string;
  date: number;
  messageId?: string;
  inReplyTo?: string;
  references: string[];
  text: string;
}

/** One mbox member (envelope line, headers, body), ">From "-escaped, as latin1-safe bytes. */
function renderMail(mail: Mail, encoding: BodyEncoding, boundarySeed: number, pdf: Buffer): Buffer {
  const legacy = encoding === 'latin1' || encoding === 'cp1252';
  const h: string[] = [
    `From: ${headerWord(mail.fromName, legacy ? 'ISO-8859-1' : 'UTF-8')} <${mail.fromAddress}>`,
    `To: ${mail.to}`,
    `Subject: ${headerWord(mail.subject, legacy ? 'ISO-8859-1' : 'UTF-8')}`,
    `Date: ${rfcDate(mail.date)}`,
  ];
  if (mail.messageId) h.push(`Message-ID: <${mail.messageId}>`);
  if (mail.inReplyTo) h.push(`In-Reply-To: <${mail.inReplyTo}>`);
  if (mail.references.length > 0) h.push(`References: ${mail.references.map((r) => `<${r}>`).join('\n ')}`);
  h.push('MIME-Version: 1.0');
  let body: Buffer;
  switch (encoding) {
    case 'qp':
      h.push('Content-Type: text/plain; charset="utf-8"', 'Content-Transfer-Encoding: quoted-printable');
      body = Buffer.from(encodeQp(Buffer.from(mail.text, 'utf8')), 'latin1');
      break;
    case 'base64':
      h.push('Content-Type: text/plain; charset=UTF-8', 'Content-Transfer-Encoding: base64');
      body = Buffer.from(encodeBase64(Buffer.from(mail.text, 'utf8')), 'latin1');
      break;
    case '8bit':
      h.push('Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 8bit');
      body = Buffer.from(mail.text, 'utf8');
      break;
    case 'latin1':
      h.push('Content-Type: text/plain; charset=ISO-8859-1', 'Content-Transfer-Encoding: 8bit');
      body = Buffer.from(mail.text, 'latin1');
      break;
    case 'cp1252':
      h.push('Content-Type: text/plain; charset="windows-1252"', 'Content-Transfer-Encoding: quoted-printable');
      body = Buffer.from(encodeQp(iconv.encode(mail.text, 'windows-1252')), 'latin1');
      break;
    case 'html':
      h.push('Content-Type: text/html; charset="utf-8"', 'Content-Transfer-Encoding: quoted-printable');
      body = Buffer.from(encodeQp(Buffer.from(htmlOf(mail.text), 'utf8')), 'latin1');
      break;
    case 'attachment': {
      const mixed = `=_mixed_${boundarySeed.toString(36)}`;
      const alt = `=_alt_${boundarySeed.toString(36)}`;
      h.push(`Content-Type: multipart/mixed; boundary="${mixed}"`);
      const parts = [
        `--${mixed}`,
        `Content-Type: multipart/alternative; boundary="${alt}"`,
        '',
        `--${alt}`,
        'Content-Type: text/plain; charset=utf-8',
        'Content-Transfer-Encoding: quoted-printable',
        '',
        encodeQp(Buffer.from(mail.text, 'utf8')),
        `--${alt}`,
        'Content-Type: text/html; charset=utf-8',
        'Content-Transfer-Encoding: quoted-printable',
        '',
        encodeQp(Buffer.from(htmlOf(mail.text), 'utf8')),
        `--${alt}--`,
        '',
        `--${mixed}`,
        'Content-Type: application/pdf; name="liite.pdf"',
        'Content-Disposition: attachment; filename="liite.pdf"',
        'Content-Transfer-Encoding: base64',
        '',
        encodeBase64(pdf),
        `--${mixed}--`,
      ];
      body = Buffer.from(parts.join('\n'), 'latin1');
      break;
    }
  }
  const head = Buffer.from(`From ${mail.fromAddress} ${asctime(mail.date)}\n${h.join('\n')}\n\n`, 'latin1');
  // mboxrd: every line starting with ">*From " gets one more ">".
  const escaped = Buffer.from(body.toString('latin1').replace(/^(>*From )/gm, '>$1'), 'latin1');
  return Buffer.concat([head, escaped, Buffer.from('\n\n', 'latin1')]);
}

// ---------------------------------------------------------------- threads

interface Thread {
  lang: BenchLang;
  customerName: string;
  customerAddress: string;
  subject: string;
  /** Messages still to send, in order. */
  steps: ('customer' | 'reply' | 'followUp' | 'finalReply')[];
  ids: string[];
  lastCustomerText?: string;
  lastCustomerDate?: number;
  /** The first message is not in the archive (an orphan reply). */
  orphan: boolean;
}

function fillCustomer(template: string, rng: Prng, lang: BenchLang): string {
  return template.replace(/\{(\w+)\}/g, (_all, slot: string) => {
    if (slot === 'order') return String(rng.int(100000, 999999));
    if (slot === 'invoice') return String(rng.int(1000000, 9999999));
    if (slot === 'weekday') return lang === 'fi' ? rng.pick(['maanantaina', 'tiistaina', 'keskiviikkona']) : rng.pick(['måndags', 'tisdags', 'onsdags']);
    return slot;
  });
}

function customerText(rng: Prng, lang: BenchLang, name: string, followUp: boolean): string {
  const pools = CUSTOMER[lang];
  const parts: string[] = [];
  const opener = rng.pick(pools.openers);
  if (opener && !followUp) parts.push(opener, '');
  if (followUp) parts.push(rng.pick(pools.followUps));
  else {
    parts.push(fillCustomer(rng.pick(pools.questions), rng, lang));
    if (rng.chance(0.5)) parts.push('', fillCustomer(rng.pick(pools.questions), rng, lang));
  }
  const signoff = rng.pick(pools.signoffs);
  parts.push('', signoff ? `${signoff}\n${name}` : name);
  return `${parts.join('\n')}\n`;
}

/** The reply's quoted history: Outlook's header block, Gmail's "> " quoting, or none. */
function quote(rng: Prng, lang: BenchLang, thread: Thread, reply: string): string {
  if (!thread.lastCustomerText || rng.chance(0.2)) return reply;
  const when = new Date((thread.lastCustomerDate ?? 0) + 2 * 3600_000);
  const stamp = `${when.getUTCDate()}.${when.getUTCMonth() + 1}.${when.getUTCFullYear()} ${when.getUTCHours()}.${pad(when.getUTCMinutes())}`;
  if (rng.chance(0.7)) {
    const [from, sent, to, subject] = lang === 'fi' ? ['Lähettäjä', 'Lähetetty', 'Vastaanottaja', 'Aihe'] : ['Från', 'Skickat', 'Till', 'Ämne'];
    return `${reply}\n${from}: ${thread.customerName} <${thread.customerAddress}>\n${sent}: ${stamp}\n${to}: ${lang === 'fi' ? 'asiakaspalvelu' : 'kundtjanst'}@yritys.fi\n${subject}: ${thread.subject}\n\n${thread.lastCustomerText}`;
  }
  const wrote = lang === 'fi' ? `${stamp} ${thread.customerName} <${thread.customerAddress}> kirjoitti:` : `Den ${stamp} skrev ${thread.customerName} <${thread.customerAddress}>:`;
  return `${reply}\n${wrote}\n${thread.lastCustomerText.replace(/^/gm, '> ').replace(/> $/gm, '>')}`;
}

function replyIn(rng: Prng, lang: BenchLang): string {
  for (;;) {
    const reply = generateReply(rng);
    if (reply.lang === lang) return reply.text;
  }
}

function pickEncoding(rng: Prng, text: string, attachmentShare: number): BodyEncoding {
  if (attachmentShare > 0.05 && rng.chance(attachmentShare - 0.05)) return 'attachment';
  const r = rng.next();
  if (r < 0.38) return 'qp';
  if (r < 0.58) return 'base64';
  if (r < 0.72) return '8bit';
  if (r < 0.88) return /[^\x00-\xff]/.test(text) ? 'cp1252' : 'latin1';
  if (r < 0.95) return 'html';
  return 'attachment';
}

export interface MboxStamp {
  generator: number;
  seed: number;
  targetBytes: number;
  attachmentShare: number;
  attachmentBytes: number;
  bytes: number;
  messages: number;
  threads: number;
  /** Agent replies (what the reader should yield). */
  replies: number;
  /** Replies whose customer message is in the archive. */
  answered: number;
  encodings: Record<BodyEncoding, number>;
}

/**
 * Writes a deterministic mbox of about `targetBytes` to `path` (streamed to
 * disk: the generator holds only the open threads). Reuses an existing file
 * whose stamp (`<path>.stamp.json`) matches.
 */
export interface GenerateMboxOptions {
  /** Share of messages with a PDF attachment (default 0.05). */
  attachmentShare?: number;
  /** Size of each PDF attachment before base64 (default ~0.7 KB). Big ones make a few large messages: fast tests of flat memory. */
  attachmentBytes?: number;
}

export function generateMbox(path: string, targetBytes: number, seed: number = MBOX_DEFAULT_SEED, options: GenerateMboxOptions = {}): MboxStamp & { reused: boolean } {
  const attachmentShare = options.attachmentShare ?? 0.05;
  const pdf = options.attachmentBytes ? Buffer.concat([FAKE_PDF, Buffer.alloc(Math.max(0, options.attachmentBytes - FAKE_PDF.length), '% padding of the bench attachment\n')]) : FAKE_PDF;
  const stampFile = `${path}.stamp.json`;
  if (existsSync(path) && existsSync(stampFile)) {
    try {
      const old = JSON.parse(readFileSync(stampFile, 'utf8')) as MboxStamp;
      const same = old.generator === MBOX_GENERATOR_VERSION && old.seed === seed && old.targetBytes === targetBytes && old.attachmentShare === attachmentShare && old.attachmentBytes === pdf.length;
      if (same && statSync(path).size === old.bytes) return { ...old, reused: true };
    } catch {
      // rebuild
    }
  }
  mkdirSync(dirname(resolve(path)), { recursive: true });
  const rng = new Prng(seed);
  const stamp: MboxStamp = {
    generator: MBOX_GENERATOR_VERSION,
    seed,
    targetBytes,
    attachmentShare,
    attachmentBytes: pdf.length,
    bytes: 0,
    messages: 0,
    threads: 0,
    replies: 0,
    answered: 0,
    encodings: { qp: 0, base64: 0, '8bit': 0, latin1: 0, cp1252: 0, html: 0, attachment: 0 },
  };
  const fd = openSync(path, 'w');
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  const flush = () => {
    if (pendingBytes === 0) return;
    writeSync(fd, Buffer.concat(pending));
    pending = [];
    pendingBytes = 0;
  };
  let clock = Date.UTC(2026, 0, 2, 6, 0, 0);
  const open: Thread[] = [];
  let seq = 0;
  const newId = (domain: string) => `${(++seq).toString(36)}.${rng.int(0, 0xffffff).toString(16)}@${domain}`;

  try {
    while (stamp.bytes < targetBytes || open.length > 0) {
      const opening = stamp.bytes < targetBytes && (open.length === 0 || (open.length < 40 && rng.chance(0.35)));
      if (opening) {
        const lang: BenchLang = rng.chance(0.6) ? 'fi' : 'sv';
        const pools = POOLS[lang];
        const name = `${rng.pick(pools.firstNames)} ${rng.pick(pools.lastNames)}`;
        const kind = rng.next();
        const steps: Thread['steps'] = kind < 0.07 ? ['customer'] : kind < 0.15 ? ['reply'] : kind < 0.4 ? ['customer', 'reply', 'followUp', 'finalReply'] : ['customer', 'reply'];
        open.push({
          lang,
          customerName: name,
          customerAddress: `${asciiName(name)}@${rng.pick(CUSTOMER_DOMAINS)}`,
          subject: fillCustomer(rng.pick(CUSTOMER[lang].subjects), rng, lang),
          steps,
          ids: [],
          orphan: steps[0] === 'reply',
        });
        stamp.threads++;
        if (open[open.length - 1]!.orphan) {
          // The customer's message exists, just not in this archive.
          const t = open[open.length - 1]!;
          t.ids.push(newId(rng.pick(CUSTOMER_DOMAINS)));
          t.lastCustomerText = customerText(rng, lang, name, false);
          t.lastCustomerDate = clock - rng.int(3600, 86400) * 1000;
        }
        continue;
      }
      const index = rng.int(0, open.length - 1);
      const thread = open[index]!;
      const step = thread.steps.shift()!;
      if (thread.steps.length === 0) open.splice(index, 1);
      clock += rng.int(20, 400) * 1000;
      const { lang } = thread;
      let mail: Mail;
      if (step === 'customer' || step === 'followUp') {
        const text = customerText(rng, lang, thread.customerName, step === 'followUp');
        const messageId = newId(thread.customerAddress.split('@')[1]!);
        mail = {
          fromName: thread.customerName,
          fromAddress: thread.customerAddress,
          to: `${lang === 'fi' ? 'asiakaspalvelu' : 'kundtjanst'}@yritys.fi`,
          subject: step === 'followUp' ? `${lang === 'fi' ? 'Re' : 'Sv'}: ${thread.subject}` : thread.subject,
          date: clock,
          messageId,
          ...(thread.ids.length > 0 ? { inReplyTo: thread.ids[thread.ids.length - 1]! } : {}),
          references: [...thread.ids],
          text,
        };
        thread.ids.push(messageId);
        thread.lastCustomerText = text;
        thread.lastCustomerDate = clock;
      } else {
        const partner = rng.chance(0.05);
        const agent = partner ? 'Kumppanin asiakaspalvelu' : rng.pick(AGENT_NAMES);
        const text = quote(rng, lang, thread, replyIn(rng, lang));
        const messageId = rng.chance(0.01) ? undefined : newId(partner ? 'kumppani.fi' : 'yritys.fi');
        mail = {
          fromName: agent,
          fromAddress: partner ? 'tuki@kumppani.fi' : `${asciiName(agent)}@yritys.fi`,
          to: `${thread.customerName} <${thread.customerAddress}>`,
          subject: `${lang === 'fi' ? 'VS' : 'SV'}: ${thread.subject}`,
          date: clock,
          ...(messageId ? { messageId } : {}),
          inReplyTo: thread.ids[thread.ids.length - 1]!,
          references: [...thread.ids],
          text,
        };
        if (messageId) thread.ids.push(messageId);
        stamp.replies++;
        if (!thread.orphan || step === 'finalReply') stamp.answered++;
      }
      const encoding = pickEncoding(rng, mail.text, attachmentShare);
      stamp.encodings[encoding]++;
      const bytes = renderMail(mail, encoding, seq, pdf);
      pending.push(bytes);
      pendingBytes += bytes.length;
      stamp.bytes += bytes.length;
      stamp.messages++;
      if (pendingBytes > 1 << 20) flush();
    }
    flush();
  } finally {
    closeSync(fd);
  }
  writeFileSync(stampFile, `${JSON.stringify(stamp, null, 2)}\n`);
  return { ...stamp, reused: false };
}

// ---------------------------------------------------------------- measurement

export interface MboxReadMeasure {
  bytes: number;
  seconds: number;
  mbPerSecond: number;
  /** Process CPU time (user + system) while reading: steadier than wall time on a busy machine. */
  cpuSeconds: number;
  mbPerCpuSecond: number;
  messagesPerSecond: number;
  stats: MboxStats;
  errors: number;
  /** RSS before reading, the peak while reading, and the growth (MB). */
  rssStartMb: number;
  rssPeakMb: number;
  rssGrowthMb: number;
  heapUsedPeakMb: number;
  /** Peak RSS over the first and the last tenth of the file: flat memory means these are close. */
  rssPeakFirstTenthMb: number;
  rssPeakLastTenthMb: number;
}

/**
 * Streams an mbox through readMbox (parse + thread, no linting) and samples
 * `process.memoryUsage.rss()` on a 50 ms timer and every 500 messages.
 */
export async function measureMboxRead(path: string, agents: readonly string[] = BENCH_AGENTS, options: { maxCustomerChars?: number } = {}): Promise<MboxReadMeasure> {
  const size = statSync(path).size;
  const rssStart = process.memoryUsage.rss();
  let peak = rssStart;
  let heapPeak = process.memoryUsage().heapUsed;
  let firstTenth = 0;
  let lastTenth = 0;
  let bytesRead = 0;
  const sample = () => {
    const rss = process.memoryUsage.rss();
    if (rss > peak) peak = rss;
    if (bytesRead <= size / 10) firstTenth = Math.max(firstTenth, rss);
    if (bytesRead >= (size * 9) / 10) lastTenth = Math.max(lastTenth, rss);
  };
  const timer = setInterval(() => {
    sample();
    const heap = process.memoryUsage().heapUsed;
    if (heap > heapPeak) heapPeak = heap;
  }, 50);
  const stats = {} as MboxStats;
  let errors = 0;
  const start = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  try {
    for await (const item of readMbox(path, createReadStream(path, { highWaterMark: 256 * 1024 }), {
      agents,
      stats,
      ...(options.maxCustomerChars !== undefined ? { maxCustomerChars: options.maxCustomerChars } : {}),
      onProgress: (p) => {
        bytesRead = p.bytes;
        if (p.messages % 500 === 0) sample();
      },
    })) {
      if ('error' in item) errors++;
    }
  } finally {
    clearInterval(timer);
  }
  sample();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const cpu = process.cpuUsage(cpuStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const mb = 1024 * 1024;
  return {
    bytes: size,
    seconds,
    mbPerSecond: size / mb / seconds,
    cpuSeconds,
    mbPerCpuSecond: size / mb / cpuSeconds,
    messagesPerSecond: stats.messages / seconds,
    stats,
    errors,
    rssStartMb: rssStart / mb,
    rssPeakMb: peak / mb,
    rssGrowthMb: (peak - rssStart) / mb,
    heapUsedPeakMb: heapPeak / mb,
    rssPeakFirstTenthMb: firstTenth / mb,
    rssPeakLastTenthMb: lastTenth / mb,
  };
}

// ---------------------------------------------------------------- command line

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      mb: { type: 'string', default: '200' },
      seed: { type: 'string', default: String(MBOX_DEFAULT_SEED) },
      out: { type: 'string', default: 'bench/.corpus/archive.mbox' },
      'no-measure': { type: 'boolean', default: false },
    },
  });
  const target = Math.round(Number(values.mb) * 1024 * 1024);
  const t0 = process.hrtime.bigint();
  const stamp = generateMbox(values.out!, target, Number(values.seed));
  const genSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
  process.stderr.write(`${stamp.reused ? 'reused' : 'generated'} ${values.out}: ${(stamp.bytes / 1048576).toFixed(1)} MB, ${stamp.messages} messages, ${stamp.replies} replies (${genSeconds.toFixed(1)} s)\n`);
  if (values['no-measure']) {
    process.stdout.write(`${JSON.stringify({ stamp }, null, 2)}\n`);
    return;
  }
  const measure = await measureMboxRead(values.out!);
  process.stdout.write(`${JSON.stringify({ stamp, measure, node: process.version }, null, 2)}\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((err) => {
    process.stderr.write(`${(err as Error).stack ?? err}\n`);
    process.exit(1);
  });
}
