import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../src/engine/catalogue.js';
import { redactReport } from '../src/engine/redact.js';
import { ruleMetas } from '../src/engine/rules.js';
import { groupResults } from '../src/report/groups.js';
import { localTime, showLocalTime } from '../src/report/local-time.js';
import { dateHeaderOffset, mailMessage, parseMail } from '../src/input/eml.js';
import { escapeHtml, highlightText, renderHtml, REPORT_CSP, scoreBins, worstResults } from '../src/report/html.js';
import type { FileResult, Finding, LintReport, Severity, UiLang } from '../src/types.js';
import { CHROMIUM, launchChromium } from './helpers.js';

const HOSTILE_PATH = 'inbox/"><script>window.__pwned=1</script>.txt';
const HOSTILE_AGENT = '<img src=x onerror="window.__pwned=1">';

const WEIGHTS: Record<string, [Severity, number]> = {
  'greeting/missing': ['warning', 2],
  'greeting/generic': ['warning', 1],
  'phrase/canned': ['warning', 1],
  'phrase/calque': ['warning', 1],
  'phrase/bureaucratic': ['warning', 1],
  'signoff/faceless': ['warning', 1],
  'content/vague': ['warning', 1],
  'content/internal-note': ['error', 3],
  'content/missing-contact': ['warning', 1],
  'address/mismatch': ['warning', 1],
  'thread/unanswered-question': ['warning', 2],
  'privacy/card-number': ['error', 5],
  'format/spacing': ['info', 1],
};

/** A finding at the n-th occurrence of `actual` in `text`, positions computed as the linter does. */
function at(text: string, ruleId: string, actual: string, message: string, extra: Partial<Finding> = {}): Finding {
  const offset = text.indexOf(actual);
  if (offset < 0) throw new Error(`not in text: ${actual}`);
  const before = text.slice(0, offset).split('\n');
  const endBefore = text.slice(0, offset + actual.length).split('\n');
  const [severity, weight] = WEIGHTS[ruleId] ?? ['warning', 1];
  return {
    ruleId,
    severity,
    weight,
    message,
    line: before.length,
    column: before[before.length - 1]!.length + 1,
    endLine: endBefore.length,
    endColumn: endBefore[endBefore.length - 1]!.length + 1,
    offset,
    length: actual.length,
    actual,
    suggestions: [],
    ...extra,
  };
}

interface Reply {
  path: string;
  text: string;
  agent?: string;
  date?: string;
  channel?: FileResult['channel'];
  language?: FileResult['language'];
  findings: (text: string) => Finding[];
}

const HOSTILE_TEXT = [
  'Hei!',
  '',
  'Kiitämme saamastamme palautteesta. <script>window.__pwned=1</script>',
  'Älä epäröi ottaa yhteyttä.',
  '<img src=x onerror="window.__pwned=1"> <a href="javascript:window.__pwned=1">x</a> </style><style>body{display:none}</style>',
  '',
  'Ystävällisin terveisin',
  'Asiakaspalvelu',
].join('\n');

const REPLIES: Reply[] = [
  {
    path: HOSTILE_PATH,
    text: HOSTILE_TEXT,
    agent: HOSTILE_AGENT,
    date: '2025-03-03T09:12:00+02:00',
    findings: (t) => [
      at(t, 'greeting/generic', 'Hei!', 'Tervehdyksestä puuttuu asiakkaan nimi.', { suggestions: ['Hei Anna,'] }),
      at(t, 'phrase/canned', 'Kiitämme saamastamme palautteesta', 'Pohjateksti: kirjoita omin sanoin.', { suggestions: ['Kiitos viestistäsi'] }),
      at(t, 'content/internal-note', '<script>window.__pwned=1</script>', 'Sisäinen merkintä <img src=x onerror="window.__pwned=1"> jäi vastaukseen.', {
        suggestions: ['</style><script>window.__pwned=1</script>'],
      }),
      at(t, 'phrase/calque', 'Älä epäröi ottaa yhteyttä', '”Älä epäröi” on suora käännös englannista.', { suggestions: ['Ota rohkeasti yhteyttä'] }),
      at(t, 'content/missing-contact', 'ottaa yhteyttä.', 'Pyydät ottamaan yhteyttä, mutta et kerro miten.'),
      at(t, 'signoff/faceless', 'Asiakaspalvelu', 'Allekirjoita omalla nimelläsi.'),
    ],
  },
  {
    path: 'replies/laura-1.txt',
    agent: 'Laura',
    date: '2025-03-04',
    text: 'Hei Anna,\n\nkiitos viestistäsi! Paketti lähti tänään ja on perillä torstaina.\n\nMukavaa päivänjatkoa!\nLaura',
    findings: () => [],
  },
  {
    path: 'replies/laura-2.txt',
    agent: 'Laura',
    date: '2025-03-18',
    text: 'Hei Matti,\n\nkyseinen tuote on valitettavasti loppu. Palaamme asiaan.\n\nTerveisin\nLaura',
    findings: (t) => [
      at(t, 'phrase/bureaucratic', 'kyseinen', '”kyseinen” on virastokieltä.', { suggestions: ['tämä', 'se'] }),
      at(t, 'content/vague', 'tuote', 'Nimeä tuote: asiakas ei tiedä, mistä puhutaan.'),
    ],
  },
  {
    path: 'replies/mikko-1.txt',
    agent: 'Mikko',
    date: '2025-04-02',
    text: 'Kiitämme yhteydenotostanne. Asiakkaan tulee toimittaa kuitti ao. osoitteeseen.\n\nAsiakaspalvelu',
    findings: (t) => [
      at(t, 'greeting/missing', 'Kiitämme', 'Vastaus ei ala tervehdyksellä.', { length: 0, endColumn: 1 }),
      at(t, 'phrase/canned', 'Kiitämme yhteydenotostanne', 'Pohjateksti: kirjoita omin sanoin.'),
      at(t, 'content/vague', 'Asiakkaan tulee toimittaa', 'Puhu lukijalle, älä ”asiakkaasta”.'),
      at(t, 'phrase/bureaucratic', 'ao.', '”ao.” on virastokieltä.', { suggestions: ['alla oleva'] }),
      at(t, 'signoff/faceless', 'Asiakaspalvelu', 'Allekirjoita omalla nimelläsi.'),
      at(t, 'thread/unanswered-question', 'Kiitämme yhteydenotostanne.', 'Asiakas kysyi: ”Milloin rahat palautetaan?” – vastaus puuttuu.'),
    ],
  },
  {
    path: 'replies/mikko-2.txt',
    agent: 'Mikko',
    date: '2025-04-09',
    channel: 'chat',
    text: 'Moi! Korttisi 4111 1111 1111 1111 on nyt suljettu.Uusi tulee postissa.',
    findings: (t) => [
      at(t, 'privacy/card-number', '4111 1111 1111 1111', 'Viestissä on maksukortin numero (”4111 1111 1111 1111”).'),
      at(t, 'format/spacing', '.U', 'Virkkeen jälkeen puuttuu välilyönti.', { length: 1, actual: '.' }),
    ],
  },
  {
    path: 'replies/sara-1.txt',
    agent: 'Sara',
    date: '2025-04-10',
    language: 'sv',
    text: 'Hej!\n\nVi beklagar eventuella olägenheter. Tveka inte att kontakta oss.\n\nMed vänliga hälsningar\nKundtjänst',
    findings: (t) => [
      at(t, 'greeting/generic', 'Hej!', 'Hälsningen saknar kundens namn.'),
      at(t, 'phrase/canned', 'Vi beklagar eventuella olägenheter', 'Standardfras: skriv med egna ord.'),
      at(t, 'phrase/calque', 'Tveka inte att kontakta oss', '”Tveka inte” är översatt från engelska.'),
      at(t, 'signoff/faceless', 'Kundtjänst', 'Underteckna med ditt eget namn.'),
      at(t, 'address/mismatch', 'Vi beklagar', 'Kunden skrev avslappnat; svaret är stelt.'),
    ],
  },
  {
    path: 'replies/sara-2.txt',
    agent: 'Sara',
    date: '2025-04-11',
    language: 'sv',
    channel: 'sms',
    text: 'Hej Karin! Paketet är på väg och kommer i morgon. /Sara',
    findings: () => [],
  },
  {
    path: 'replies/unknown.txt',
    text: 'Hei Pekka,\nlasku on korjattu.\nTerveisin Jussi',
    findings: () => [],
  },
];

function buildReport(): { report: LintReport; texts: Map<string, string> } {
  const texts = new Map<string, string>();
  const results: FileResult[] = REPLIES.map((r) => {
    texts.set(r.path, r.text);
    const findings = r.findings(r.text);
    const score = findings.filter((f) => f.severity !== 'info').reduce((s, f) => s + f.weight, 0);
    const card = loadCatalogue().bingo;
    const squares = card.squares.filter((sq) => findings.some((f) => f.ruleId in sq.rules)).map((sq) => sq.id);
    const meta: FileResult['meta'] = {};
    if (r.agent) meta.agent = r.agent;
    if (r.date) meta.date = r.date;
    return {
      path: r.path,
      language: r.language ?? 'fi',
      channel: r.channel ?? 'email',
      score,
      bingo: { points: squares.length, squares },
      findings,
      suppressed: 0,
      meta,
    };
  });
  const all = results.flatMap((r) => r.findings);
  return {
    texts,
    report: {
      results,
      errors: [{ path: 'inbox/<b onmouseover=alert(1)>broken.txt', code: 'binary' }],
      summary: {
        files: results.length,
        findings: all.length,
        errors: all.filter((f) => f.severity === 'error').length,
        warnings: all.filter((f) => f.severity === 'warning').length,
        infos: all.filter((f) => f.severity === 'info').length,
        suppressed: 0,
        score: results.reduce((s, r) => s + r.score, 0),
      },
    },
  };
}

const card = loadCatalogue().bingo;

describe('renderHtml (string)', () => {
  const { report, texts } = buildReport();
  const html = renderHtml(report, { uiLang: 'fi', card, messages: texts, groups: groupResults(report.results, 'agent', card) });

  it('is one self-contained page with a strict CSP and no script', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${escapeHtml(REPORT_CSP)}">`);
    expect(REPORT_CSP).toMatch(/^default-src 'none'; style-src 'unsafe-inline'; img-src data:/);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/href="javascript:/i);
    // The only href is the empty data: favicon (so the browser asks for no /favicon.ico).
    expect(html.match(/<[^>]*\shref=[^>]*>/g)).toEqual(['<link rel="icon" href="data:,">']);
    expect(html).not.toMatch(/url\(|@import|@font-face/);
  });

  it('escapes hostile input everywhere', () => {
    expect(html).toContain('&#60;script&#62;window.__pwned=1&#60;/script&#62;');
    expect(html).toContain('&#60;img src=x onerror=&#34;window.__pwned=1&#34;&#62;');
    expect(html).toContain('&#60;/style&#62;&#60;style&#62;body{display:none}&#60;/style&#62;');
    expect(html).toContain(escapeHtml(HOSTILE_PATH));
    expect(html).toContain(escapeHtml(HOSTILE_AGENT));
    expect(html.match(/<\/style>/g)).toHaveLength(1);
  });

  it('is deterministic', () => {
    expect(renderHtml(report, { uiLang: 'fi', card, messages: texts })).toBe(renderHtml(report, { uiLang: 'fi', card, messages: texts }));
  });

  it('speaks the UI language', () => {
    const sv = renderHtml(report, { uiLang: 'sv', card, messages: texts });
    const en = renderHtml(report, { uiLang: 'en', card });
    expect(html).toContain('<html lang="fi">');
    expect(html).toContain('Vastausten laaturaportti');
    expect(html).toContain('Automaattivastausbingo');
    expect(sv).toContain('<html lang="sv">');
    expect(sv).toContain('Kvalitetsrapport för svar');
    expect(sv).toContain('Per handläggare');
    expect(en).toContain('Auto-reply bingo');
    expect(en).toContain('The reply text is not included in the report.');
  });

  it('renders an empty report', () => {
    const empty = renderHtml({ results: [], errors: [], summary: { files: 0, findings: 0, errors: 0, warnings: 0, infos: 0, suppressed: 0, score: 0 } }, { uiLang: 'en', card });
    expect(empty).toContain('No replies.');
    expect(empty).toContain('Personal service');
  });
});

describe('highlightText', () => {
  const f = (offset: number, length: number, severity: Severity = 'warning', message = 'm'): Finding => ({
    ruleId: 'r/x',
    severity,
    weight: 1,
    message,
    line: 1,
    column: offset + 1,
    endLine: 1,
    endColumn: offset + length + 1,
    offset,
    length,
    actual: '',
    suggestions: [],
  });

  it('cuts overlapping spans into segments', () => {
    const out = highlightText('abcdefghij', [f(1, 5, 'warning', 'first'), f(3, 5, 'error', 'second')], 'en');
    expect(out).toBe(
      'a<mark class="m-warning" title="1. warning: first (r/x)"><sup class="n">1</sup>bc</mark>' +
        '<mark class="m-error m-ov" title="1. warning: first (r/x)\n2. error: second (r/x)"><sup class="n">2</sup>def</mark>' +
        '<mark class="m-error" title="2. error: second (r/x)">gh</mark>ij',
    );
  });

  it('marks zero-length findings with a caret and clips offsets', () => {
    const out = highlightText('<b>', [f(0, 0, 'warning', '"<x>"'), f(2, 50)], 'en');
    expect(out).toBe(
      '<span class="caret c-warning" title="1. warning: &#34;&#60;x&#62;&#34; (r/x)"><i></i><sup class="n">1</sup></span>&#60;b' +
        '<mark class="m-warning" title="2. warning: m (r/x)"><sup class="n">2</sup>&#62;</mark>',
    );
  });

  it('dims the quoted history', () => {
    const text = 'Hei Anna,\nkiitos.\nLaura\n\n> vanha viesti\n';
    expect(highlightText(text, [], 'fi')).toContain('<span class="quoted">&#62; vanha viesti\n</span>');
  });
});

describe('report helpers', () => {
  it('bins scores', () => {
    expect(scoreBins([0, 0, 3]).map((b) => b.count)).toEqual([2, 0, 0, 1, 0, 0]);
    const wide = scoreBins([0, 1, 40]);
    expect(wide[0]).toEqual({ low: 0, high: 0, count: 1 });
    expect(wide.at(-1)!.high).toBeGreaterThanOrEqual(40);
  });

  it('orders the worst replies by score, then path', () => {
    const { report } = buildReport();
    expect(worstResults(report.results, 3).map((r) => r.path)).toEqual([HOSTILE_PATH, 'replies/mikko-1.txt', 'replies/sara-1.txt']);
  });
});

const root = join(import.meta.dirname, '..');
const bin = join(root, 'bin', 'aspalint.js');

/** The agents of the generated archive: long double names, as a real team has. */
const AGENTS = [
  ['Laura Mäkinen-Korhonen', 'laura.makinen-korhonen@sointuenergia.fi'],
  ['Johanna Ek-Lindqvist', 'johanna.ek-lindqvist@sointuenergia.fi'],
  ['Pekka Järvinen', 'pekka.jarvinen@sointuenergia.fi'],
  ['Mikko Salminen', 'mikko.salminen@sointuenergia.fi'],
  ['Sara Björklund-Nyström', 'sara.bjorklund-nystrom@sointuenergia.fi'],
  ['Aino', 'aino@sointuenergia.fi'],
] as const;

/** Customer's mail and the reply, chosen to draw the rules with the longest titles (unanswered question, third person, language mismatch…). */
const THREADS = [
  ['Milloin paketti tulee? Voinko vaihtaa toimitusosoitteen?', 'Hei,\n\nkiitämme yhteydenotostanne. Asiakkaan tulee odottaa. Älä epäröi ottaa yhteyttä.\n\nYstävällisin terveisin\nAsiakaspalvelu'],
  ['Hej! När kommer min faktura? Kan jag betala i delar?', 'Hei,\n\nkiitos viestistä. Laskusi lähtee huomenna.\n\nTerveisin\nJohanna'],
  ['Haluan irtisanoa sopimukseni. Miten se onnistuu?', 'Hyvä asiakas,\n\nasiakkaan sopimus on päätetty. Palaamme asiaan.\n\nTerveisin\nAsiakaspalvelu'],
  ['Olen todella pettynyt, lasku oli taas väärin! Milloin tämä korjataan?', 'Hei,\n\nLASKU ON KORJATTU. Ota yhteyttä jos on kysyttävää.\n\nTerveisin\nMikko'],
  ['Hej, varför är räkningen så hög? Kan ni kolla mätaren?', 'Hej,\n\nVi beklagar eventuella olägenheter. Tveka inte att kontakta oss.\n\nMed vänliga hälsningar\nKundtjänst'],
  ['Hei, toimiiko palvelu taas?', 'Hei,\n\nkiitos viestistäsi. kyseinen asia on työn alla. Palaamme asiaan mahdollisimman pian. Katso lumo-tv, lumo-tv, lumo-tv ja lumo-tv-sovellus.\n\nTerveisin\nAino'],
] as const;

/**
 * An mbox of twelve threads (a customer's mail and an agent's reply), six agents. The
 * replies are dated from 26 March 2026 on, one a day at 14.05 Helsinki time: the first
 * three under +0200, the rest under +0300 (summer time began on 29 March).
 */
function agentsMbox(): string {
  let out = '';
  let n = 0;
  THREADS.forEach(([question, reply], i) => {
    for (let k = 0; k < 2; k++, n++) {
      const [name, address] = AGENTS[(i + k) % AGENTS.length]!;
      const day = new Date(Date.UTC(2026, 2, 26 + n));
      const dd = day.getUTCDate();
      const mon = day.getUTCMonth() === 2 ? 'Mar' : 'Apr';
      const zone = n < 3 ? '+0200' : '+0300';
      const id = `<q${i}-${k}@example.com>`;
      out += `From customer${i}@example.com Thu ${mon} ${dd} 06:00:00 2026\nFrom: Asiakas ${i} <customer${i}@example.com>\nTo: tuki@sointuenergia.fi\nSubject: Kysymys ${i}\nDate: ${dd} ${mon} 2026 08:00:00 ${zone}\nMessage-ID: ${id}\nMIME-Version: 1.0\nContent-Type: text/plain; charset="utf-8"\nContent-Transfer-Encoding: 8bit\n\n${question}\n\n`;
      out += `From ${address} Thu ${mon} ${dd} 12:05:00 2026\nFrom: ${name} <${address}>\nTo: customer${i}@example.com\nSubject: Re: Kysymys ${i}\nDate: ${dd} ${mon} 2026 14:05:00 ${zone}\nMessage-ID: <a${i}-${k}@sointuenergia.fi>\nIn-Reply-To: ${id}\nReferences: ${id}\nMIME-Version: 1.0\nContent-Type: text/plain; charset="utf-8"\nContent-Transfer-Encoding: 8bit\n\n${reply}\n\n`;
    }
  });
  return out;
}

/** A custom rule with a long id and long titles: the widest thing the agent table and the rule chart can be given. */
const LONG_RULE = 'org/tuotenimet-kirjoitetaan-virallisessa-muodossa';
const LONG_TITLE = {
  fi: 'Tuotteen nimi on kirjoitettu toisin kuin yrityksen tuoteluettelossa',
  sv: 'Produktnamnet är skrivet på ett annat sätt än i företagets produktkatalog',
  en: "The product name is written differently from the company's product catalogue",
};
const LONG_RULE_CONFIG = `customRules:
  ${LONG_RULE}:
    severity: warning
    title: ${JSON.stringify(LONG_TITLE)}
    message: { fi: "Kirjoita ”{suggestion}”.", sv: "Skriv ”{suggestion}”.", en: "Write “{suggestion}”." }
    phrases:
      fi: [{ match: "=lumo-tv", suggest: [Lumo TV] }]
`;

/** The HTML report of the CLI, as a user makes it. */
function cliHtml(dir: string, name: string, args: string[]): string {
  const out = join(dir, name);
  const run = spawnSync(process.execPath, [bin, ...args, '-f', 'html', '-o', out], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', LANG: 'C' } });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return readFileSync(out, 'utf8');
}

describe.skipIf(!existsSync(CHROMIUM))('renderHtml in headless Chromium', () => {
  let dir: string;
  let browser: import('playwright-core').Browser;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'aspalint-html-'));
    browser = await launchChromium();
  }, 60000);

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function open(html: string, name: string, viewport = { width: 1200, height: 900 }) {
    const file = join(dir, name);
    writeFileSync(file, html);
    const url = pathToFileURL(file).href;
    const page = await browser.newPage({ viewport });
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error' || msg.type() === 'warning') problems.push(`${msg.type()}: ${msg.text()}`);
    });
    page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
    page.on('request', (req) => requests.push(req.url()));
    await page.goto(url, { waitUntil: 'load' });
    return { page, url, problems, requests };
  }

  it('shows the report, runs nothing hostile and fetches nothing', async () => {
    const { report, texts } = buildReport();
    const html = renderHtml(report, { uiLang: 'fi', card, messages: texts, groups: groupResults(report.results, 'agent', card) });
    const { page, url, problems, requests } = await open(html, 'report.html');
    try {
      expect(problems).toEqual([]);
      expect(requests).toEqual([url]);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
      expect(await page.evaluate(() => document.querySelectorAll('script, img, iframe, object, embed, a[href]').length)).toBe(0);
      expect(await page.evaluate(() => [...document.querySelectorAll('*')].some((el) => [...el.attributes].some((a) => /^on/i.test(a.name))))).toBe(false);

      // Summary figures.
      const tile = async (cls: string) => (await page.locator(`.tile.${cls} .value`).innerText()).trim();
      expect(await tile('replies')).toBe('8');
      expect(await tile('findings')).toBe(String(report.summary.errors + report.summary.warnings));
      expect(await tile('error')).toBe('2');
      expect(await tile('warning')).toBe(String(report.summary.warnings));
      expect(await tile('clean')).toBe('38\u00a0%');
      await expect(page.locator('.tile.score .value').isVisible()).resolves.toBe(true);

      // The bingo card: all six squares hit → 7 points, BINGO.
      expect(await page.locator('.square').count()).toBe(6);
      expect(await page.locator('.square.hit').count()).toBe(6);
      expect(await page.locator('.verdict .tier').innerText()).toBe('BINGO!');
      expect(await page.locator('.verdict').isVisible()).toBe(true);
      expect(await page.getByText('Täysi rivi!', { exact: false }).isVisible()).toBe(true);

      // Per-agent rows, the hostile agent name as text.
      const rows = page.locator('section.groups tbody tr');
      expect(await rows.count()).toBe(5);
      expect(await rows.locator('td.key').allInnerTexts()).toEqual(['<img src=x onerror="window.__pwned=1">', 'Laura', 'Mikko', 'Sara', '(tuntematon)']);
      expect(await page.locator('tr[data-key="Laura"] td.num').first().innerText()).toBe('2');

      // Worst replies with findings highlighted in context; hostile text shown as text.
      expect(await page.locator('article.reply').count()).toBe(5);
      const hostile = page.locator('article.reply', { hasText: 'window.__pwned=1</script>.txt' });
      expect(await hostile.locator('.path').innerText()).toBe(HOSTILE_PATH);
      const text = await hostile.locator('.reply-text').innerText();
      expect(text).toContain('<script>window.__pwned=1</script>');
      expect(text).toContain('<a href="javascript:window.__pwned=1">x</a>');
      const canned = hostile.locator('mark', { hasText: 'Kiitämme saamastamme palautteesta' });
      expect(await canned.getAttribute('title')).toContain('Pohjateksti: kirjoita omin sanoin.');
      expect(await hostile.locator('mark.m-ov').count()).toBeGreaterThan(0);
      expect(await hostile.locator('mark.m-error').innerText()).toContain('<script>window.__pwned=1</script>');
      expect(await page.locator('ul.inputerrors li').innerText()).toContain('<b onmouseover=alert(1)>broken.txt');

      await page.screenshot({ path: '/tmp/aspalint-report.png', fullPage: true });
    } finally {
      await page.close();
    }
  }, 60000);

  it.each(['fi', 'sv', 'en'] as const)('fits the agent table of many agents and long rule titles into a 1280 px screen (%s)', async (lang: UiLang) => {
    writeFileSync(join(dir, 'agents.mbox'), agentsMbox());
    writeFileSync(join(dir, '.aspalintrc.yaml'), LONG_RULE_CONFIG);
    const html = cliHtml(dir, `agents-${lang}.html`, ['agents.mbox', '--agents', '@sointuenergia.fi', '--ui-lang', lang]);
    const titles = new Map(ruleMetas({ customRules: { [LONG_RULE]: { title: LONG_TITLE, phrases: {} } } }).map((m) => [m.id, m.title[lang]]));
    const { page, problems } = await open(html, `agents-${lang}.html`, { width: 1280, height: 800 });
    try {
      expect(problems).toEqual([]);
      expect(await page.locator('section.groups tbody tr').count()).toBe(AGENTS.length);
      const widths = await page.evaluate(() => {
        const wrap = document.querySelector('section.groups .tablewrap')!;
        const table = wrap.querySelector('table')!;
        return { doc: document.documentElement.scrollWidth, view: document.documentElement.clientWidth, wrap: wrap.scrollWidth, wrapClient: wrap.clientWidth, table: table.getBoundingClientRect().width };
      });
      expect(widths.doc, 'the page scrolls sideways').toBeLessThanOrEqual(widths.view);
      expect(widths.wrap, `the agent table (${widths.table} px) is wider than its card (${widths.wrapClient} px)`).toBeLessThanOrEqual(widths.wrapClient);

      // Every rule title on the page is whole: the catalogue's (or the config's) full title, nothing clipped or ellipsised.
      const shown = await page.evaluate(() =>
        [...document.querySelectorAll('.rule-title')].map((el) => {
          const style = getComputedStyle(el);
          const item = el.closest('[data-rule], [title]')!;
          return {
            id: item.getAttribute('data-rule') ?? item.getAttribute('title'),
            text: (el as HTMLElement).innerText,
            clipped: el.scrollWidth > el.clientWidth || el.scrollHeight > el.clientHeight + 1,
            ellipsis: style.textOverflow === 'ellipsis' && style.overflow !== 'visible',
          };
        }),
      );
      expect(shown.filter((s) => s.id && s.text.length > 0).length).toBeGreaterThan(12);
      for (const s of shown) {
        expect(s.text.replace(/\s+/g, ' '), s.id!).toBe(titles.get(s.id!));
        expect(s.clipped, `${s.id} is clipped`).toBe(false);
        expect(s.ellipsis, `${s.id} has an ellipsis`).toBe(false);
      }
      // The custom rule is there by its title, in the chart and in the table, not by its id.
      expect(shown.filter((s) => s.id === LONG_RULE).length).toBeGreaterThanOrEqual(2);
      await page.screenshot({ path: `/tmp/aspalint-report-1280-${lang}.png`, fullPage: true });

      // On a phone the page still does not scroll sideways (the table scrolls in its card), and the titles stay whole.
      await page.setViewportSize({ width: 390, height: 800 });
      const phone = await page.evaluate(() => ({
        doc: document.documentElement.scrollWidth,
        view: document.documentElement.clientWidth,
        clipped: [...document.querySelectorAll('.rulebars .rule-title')].filter((el) => el.scrollWidth > el.clientWidth).length,
      }));
      expect(phone.doc).toBeLessThanOrEqual(phone.view);
      expect(phone.clipped).toBe(0);
    } finally {
      await page.close();
    }
  }, 60000);

  it('renders a redacted Swedish report without problems', async () => {
    const { report, texts } = buildReport();
    const redacted = redactReport(report, texts);
    const html = renderHtml(redacted.report, { uiLang: 'sv', card, messages: redacted.texts, redacted: true });
    const { page, url, problems, requests } = await open(html, 'redacted.html');
    try {
      expect(problems).toEqual([]);
      expect(requests).toEqual([url]);
      expect(await page.locator('.badge.redacted').innerText()).toBe('Personuppgifter maskerade');
      const body = await page.locator('body').innerText();
      expect(body).not.toContain('4111 1111 1111 1111');
      expect(body).toContain('Per handläggare');
      const card4111 = page.locator('article.reply mark.m-error', { hasText: '[kortti' });
      expect(await card4111.count()).toBe(1);
      expect(await page.locator('article.reply .pii').count()).toBeGreaterThan(0);
    } finally {
      await page.close();
    }
  }, 60000);
});

describe("times in the mail's own zone, or the configured one", () => {
  it('reads the offset of a Date header', () => {
    const head = (date: string) => `From: a@b.fi\r\nDate: ${date}\r\nSubject: x\r\n`;
    expect(dateHeaderOffset(head('Thu, 12 Mar 2026 14:05:00 +0200'))).toBe(120);
    expect(dateHeaderOffset(head('Thu, 2 Apr 2026 14:05:00 +0300 (EEST)'))).toBe(180);
    expect(dateHeaderOffset(head('Thu, 2 Apr 2026 14:05:00\r\n -0530'))).toBe(-330);
    expect(dateHeaderOffset(head('Thu, 2 Apr 2026 14:05:00 GMT'))).toBe(0);
    expect(dateHeaderOffset(head('Thu, 2 Apr 2026 14:05:00 EDT'))).toBe(-240);
    // "-0000": the time is UTC, the writer's zone unknown (RFC 5322 3.3).
    expect(dateHeaderOffset(head('Thu, 2 Apr 2026 14:05:00 -0000'))).toBeUndefined();
    expect(dateHeaderOffset(head('yesterday'))).toBeUndefined();
    expect(dateHeaderOffset('From: a@b.fi\r\nX-Date: Thu, 2 Apr 2026 14:05:00 +0300\r\n')).toBeUndefined();
  });

  it('keeps the offset beside the UTC instant (the JSON contract is unchanged)', async () => {
    const raw = 'From: Laura <laura@sointu.fi>\r\nDate: Tue, 31 Mar 2026 00:30:00 +0300\r\nSubject: x\r\nMessage-ID: <m1@sointu.fi>\r\n\r\nHei Anna,\r\nkiitos.\r\nLaura\r\n';
    const parsed = await parseMail(Buffer.from(raw));
    const mail = 'mail' in parsed ? parsed.mail! : undefined;
    expect(mail?.date).toBe('2026-03-30T21:30:00.000Z');
    expect(mailMessage('x.eml', mail!).meta).toMatchObject({ date: '2026-03-30T21:30:00.000Z', utcOffset: 180 });
  });

  it('shows the time as its writer saw it, with the offset, in each UI language', () => {
    const meta = { date: '2026-03-30T21:30:00.000Z', utcOffset: 180 };
    expect(showLocalTime(localTime(meta)!, 'fi')).toBe('31.3.2026 klo 0.30 (UTC+3)');
    expect(showLocalTime(localTime(meta)!, 'sv')).toBe('2026-03-31 kl. 00.30 (UTC+3)');
    expect(showLocalTime(localTime(meta)!, 'en')).toBe('2026-03-31 00:30 (UTC+3)');
    // A date string's own offset when the source gives no other (JSON Lines).
    expect(showLocalTime(localTime({ date: '2026-03-12T14:05:00+02:00' })!, 'fi')).toBe('12.3.2026 klo 14.05 (UTC+2)');
    expect(showLocalTime(localTime({ date: '2026-03-12T14:05:00-03:30' })!, 'en')).toBe('2026-03-12 14:05 (UTC-3:30)');
    expect(showLocalTime(localTime({ date: '2026-03-12T14:05:00-03:30' })!, 'fi')).toBe('12.3.2026 klo 14.05 (UTC−3.30)');
    // A configured zone, summer time included: Helsinki is +2 before 29 March 2026 and +3 after.
    expect(showLocalTime(localTime({ date: '2026-03-26T12:05:00.000Z', utcOffset: 0 }, 'Europe/Helsinki')!, 'fi')).toBe('26.3.2026 klo 14.05 (UTC+2)');
    expect(showLocalTime(localTime({ date: '2026-03-30T11:05:00.000Z', utcOffset: 0 }, 'Europe/Helsinki')!, 'fi')).toBe('30.3.2026 klo 14.05 (UTC+3)');
    expect(showLocalTime(localTime(meta, 'UTC')!, 'en')).toBe('2026-03-30 21:30 (UTC)');
    // A time with no zone (a CSV export's) is the export's own: as written, no offset, never converted.
    expect(showLocalTime(localTime({ date: '2026-03-12T14:05' }, 'Europe/Helsinki')!, 'fi')).toBe('12.3.2026 klo 14.05');
    expect(showLocalTime(localTime({ date: '2026-03-12' })!, 'sv')).toBe('2026-03-12');
    expect(localTime({ date: 'eilen' })).toBeNull();
  });

  it('puts the report and its months on the writer’s day, not UTC’s', () => {
    const result: FileResult = {
      path: 'a.mbox#1',
      language: 'fi',
      channel: 'email',
      score: 1,
      bingo: { points: 0, squares: [] },
      findings: [at('Hei,\nkiitos.', 'greeting/generic', 'Hei,', 'm')],
      suppressed: 0,
      meta: { agent: 'Laura', date: '2026-03-31T21:30:00.000Z', utcOffset: 180 },
    };
    const report: LintReport = { results: [result], errors: [], summary: { files: 1, findings: 1, errors: 0, warnings: 1, infos: 0, suppressed: 0, score: 1 } };
    const html = renderHtml(report, { uiLang: 'fi', card });
    expect(html).toContain('<span class="date">1.4.2026 klo 0.30 (UTC+3)</span>');
    expect(html).toMatch(/<div class="subline">.*<span>1\.4\.2026<\/span>/);
    const utc = renderHtml(report, { uiLang: 'fi', card, timeZone: 'UTC' });
    expect(utc).toContain('<span class="date">31.3.2026 klo 21.30 (UTC)</span>');
    expect(utc).toContain('<span class="zone">ajat vyöhykkeellä UTC</span>');
    expect(html).not.toContain('class="zone"');
    expect(groupResults([result], 'month', card).map((g) => g.key)).toEqual(['2026-04']);
    expect(groupResults([result], 'month', card, 'UTC').map((g) => g.key)).toEqual(['2026-03']);
  });

  describe('from the command line', () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'aspalint-tz-'));
      writeFileSync(join(dir, 'agents.mbox'), agentsMbox());
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const dates = (html: string) => [...new Set([...html.matchAll(/<span class="date">([^<]*)<\/span>/g)].map((m) => m[1]!.replace(/^\S+ /, '')))].sort();

    it("shows each mail's own Date offset, +0200 before summer time and +0300 after", () => {
      const html = cliHtml(dir, 'own.html', ['agents.mbox', '--agents', '@sointuenergia.fi', '--ui-lang', 'fi']);
      expect(dates(html)).toEqual(['klo 14.05 (UTC+2)', 'klo 14.05 (UTC+3)']);
      expect(html).toContain('<span>26.3.2026 – 6.4.2026</span>');
    }, 60000);

    it('shows the zone of --time-zone, or of timeZone: in the config', () => {
      expect(dates(cliHtml(dir, 'utc.html', ['agents.mbox', '--agents', '@sointuenergia.fi', '--ui-lang', 'en', '--time-zone', 'UTC']))).toEqual(['11:05 (UTC)', '12:05 (UTC)']);
      writeFileSync(join(dir, 'stockholm.yaml'), 'timeZone: Europe/Stockholm\n');
      expect(dates(cliHtml(dir, 'sthlm.html', ['agents.mbox', '-c', 'stockholm.yaml', '--agents', '@sointuenergia.fi', '--ui-lang', 'sv']))).toEqual(['kl. 13.05 (UTC+1)', 'kl. 13.05 (UTC+2)']);
    }, 60000);

    it('refuses a zone it does not know, with the line of the config', () => {
      const flag = spawnSync(process.execPath, [bin, 'agents.mbox', '--time-zone', 'Europe/Helsinky'], { cwd: dir, encoding: 'utf8', env: { ...process.env, LANG: 'C' } });
      expect(flag.status).toBe(2);
      expect(flag.stderr).toMatch(/^aspalint: option '--time-zone <zone>' argument 'Europe\/Helsinky' is invalid\. expected an IANA time zone/);
      writeFileSync(join(dir, 'bad-zone.yaml'), 'uiLang: en\ntimeZone: Mars/Olympus\n');
      const config = spawnSync(process.execPath, [bin, 'agents.mbox', '-c', 'bad-zone.yaml'], { cwd: dir, encoding: 'utf8', env: { ...process.env, LANG: 'C' } });
      expect(config.status).toBe(2);
      expect(config.stderr).toBe('aspalint: bad-zone.yaml:2: unknown time zone "Mars/Olympus" (an IANA name such as Europe/Helsinki, or UTC)\n');
    }, 60000);
  });
});
