/**
 * The HTML report (`--format html -o report.html`): one self-contained file for a trainer
 * to open, show and print. No script, no network: inline CSS, charts as inline SVG drawn
 * here, a Content-Security-Policy that allows nothing but inline styles and data: images.
 * Everything that comes from the input (paths, texts, agents, messages, rule ids) is
 * HTML-escaped; an archive is hostile input.
 */
import type { BingoCard } from '../engine/catalogue.js';
import { loadCatalogue } from '../engine/catalogue.js';
import { tallyBingo } from '../engine/bingo.js';
import { analyseAnatomy } from '../text/anatomy.js';
import { MASK_BLOCK, MASK_FILL, MASK_LABELS } from '../engine/redact.js';
import type { Channel, FileResult, Finding, Lang, LintReport, Severity, Trilingual, UiLang } from '../types.js';
import { displayKey, formatNumber, formatPercent, GROUP_WORDS, groupResults, type Group, type GroupBy } from './groups.js';
import { REPORT_CSS } from './html-assets.js';
import { localTime, showDay, showLocalTime } from './local-time.js';
import { count, inputErrorMessage, t, UI } from './i18n.js';

export interface HtmlOptions {
  uiLang: UiLang;
  /** The page's heading (default: "Vastausten laaturaportti" / "Kvalitetsrapport för svar" / "Reply quality report"). */
  title?: string;
  /** Groups for the table (default: by agent, when any reply names its agent). */
  groups?: Group[];
  /** What `groups` are grouped by (default 'agent'). */
  groupBy?: GroupBy;
  /** The bingo card (`loadCatalogue().bingo`). */
  card: BingoCard;
  /** Reply texts by result path, for highlighting findings in context (redacted ones, with `--redact`). */
  messages?: Map<string, string>;
  /** Rule titles by id (default: from the catalogue). */
  ruleTitles?: Record<string, Trilingual>;
  /** How many of the weakest replies to show (default 10). */
  worst?: number;
  /** Shows a "personal data masked" badge. */
  redacted?: boolean;
  /**
   * The zone times are shown in (an IANA name, `timeZone:` / `--time-zone`); default:
   * each mail's own Date header offset.
   */
  timeZone?: string;
}

const W = {
  title: { fi: 'Vastausten laaturaportti', sv: 'Kvalitetsrapport för svar', en: 'Reply quality report' },
  eyebrow: { fi: 'aspalint · asiakaspalveluvastausten laatu', sv: 'aspalint · kvaliteten på kundtjänstsvar', en: 'aspalint · customer-service reply quality' },
  replies: { fi: 'Vastauksia', sv: 'Svar', en: 'Replies' },
  repliesLower: { fi: 'vastausta', sv: 'svar', en: 'replies' },
  findings: { fi: 'Huomautuksia', sv: 'Anmärkningar', en: 'Findings' },
  errors: { fi: 'Virheitä', sv: 'Fel', en: 'Errors' },
  warnings: { fi: 'Varoituksia', sv: 'Varningar', en: 'Warnings' },
  meanScore: { fi: 'Pisteet keskimäärin', sv: 'Poäng i snitt', en: 'Mean score' },
  clean: { fi: 'Puhtaita vastauksia', sv: 'Felfria svar', en: 'Clean replies' },
  perReply: { fi: 'per vastaus', sv: 'per svar', en: 'per reply' },
  infosSub: { fi: '+ {n} vihjettä', sv: '+ {n} tips', en: '+ {n} hints' },
  noInfos: { fi: 'virheet ja varoitukset', sv: 'fel och varningar', en: 'errors and warnings' },
  errorsSub: { fi: 'korjattava ennen lähetystä', sv: 'rättas före utskick', en: 'fix before sending' },
  warningsSub: { fi: 'heikentävät vastausta', sv: 'försvagar svaret', en: 'weaken the reply' },
  totalPoints: { fi: 'yhteensä {n} pistettä', sv: 'totalt {n} poäng', en: '{n} points in total' },
  cleanOf: { fi: '{clean}/{n}: ei virheitä eikä varoituksia', sv: '{clean}/{n}: inga fel eller varningar', en: '{clean}/{n}: no errors or warnings' },
  distTitle: { fi: 'Pisteiden jakauma', sv: 'Poängfördelning', en: 'Score distribution' },
  distCaption: {
    fi: 'Vastausten määrä pisteittäin. 0 = ei huomautettavaa; mitä suurempi, sitä enemmän korjattavaa.',
    sv: 'Antal svar per poäng. 0 = inget att anmärka; ju högre, desto mer att rätta.',
    en: 'Replies by score. 0 = nothing to fix; the higher, the more to fix.',
  },
  axisScore: { fi: 'pisteet', sv: 'poäng', en: 'score' },
  rulesTitle: { fi: 'Huomautukset säännöittäin', sv: 'Anmärkningar per regel', en: 'Findings per rule' },
  rulesCaption: { fi: 'Yleisimmät huomautukset koko aineistossa.', sv: 'De vanligaste anmärkningarna i hela materialet.', en: 'The most common findings across all replies.' },
  moreRules: { fi: '+ {n} muuta sääntöä', sv: '+ {n} regler till', en: '+ {n} more rules' },
  noFindings: { fi: 'Ei huomautuksia – hienoa!', sv: 'Inga anmärkningar – snyggt!', en: 'No findings – well done!' },
  noReplies: { fi: 'Ei vastauksia.', sv: 'Inga svar.', en: 'No replies.' },
  bingoTitle: { fi: 'Automaattivastausbingo', sv: 'Autosvarsbingo', en: 'Auto-reply bingo' },
  bingoCaption: {
    fi: 'Ruutu täyttyy, kun yksikin vastaus osuu siihen. {n} vastausta pelissä.',
    sv: 'En ruta fylls när minst ett svar träffar den. {n} svar i spelet.',
    en: 'A square is marked when any reply hits it. {n} replies in play.',
  },
  pointsWord: { fi: 'pistettä', sv: 'poäng', en: 'points' },
  pointsOf: { fi: '{p} / {max} p', sv: '{p} / {max} p', en: '{p} / {max} pts' },
  hits: { fi: '{n} osumaa', sv: '{n} träffar', en: '{n} hits' },
  hit1: { fi: '1 osuma', sv: '1 träff', en: '1 hit' },
  noHits: { fi: 'ei osumia', sv: 'inga träffar', en: 'no hits' },
  example: { fi: 'esim.', sv: 't.ex.', en: 'e.g.' },
  free: { fi: 'vapaa', sv: 'fri', en: 'free' },
  groupsTitle: {
    agent: { fi: 'Asiakaspalvelijoittain', sv: 'Per handläggare', en: 'By agent' },
    month: { fi: 'Kuukausittain', sv: 'Per månad', en: 'By month' },
    channel: { fi: 'Kanavittain', sv: 'Per kanal', en: 'By channel' },
    language: { fi: 'Kielittäin', sv: 'Per språk', en: 'By language' },
  },
  groupsCaption: {
    fi: 'Puhtaat = ei virheitä eikä varoituksia. Bingo lasketaan ryhmän omista vastauksista.',
    sv: 'Felfria = inga fel eller varningar. Bingon räknas på gruppens egna svar.',
    en: 'Clean = no errors or warnings. Bingo is counted over the group’s own replies.',
  },
  worstTitle: { fi: 'Eniten korjattavaa', sv: 'Mest att rätta', en: 'Most to fix' },
  worstCaption: {
    fi: 'Heikoimmat {n} vastausta pisteiden mukaan. Huomautukset on korostettu tekstissä; vie osoitin korostuksen päälle.',
    sv: 'De {n} svagaste svaren efter poäng. Anmärkningarna är markerade i texten; håll pekaren över en markering.',
    en: 'The {n} weakest replies by score. Findings are highlighted in the text; hover a highlight for the message.',
  },
  allClean: { fi: 'Kaikki vastaukset ovat puhtaita. ✔', sv: 'Alla svar är felfria. ✔', en: 'Every reply is clean. ✔' },
  noText: { fi: 'Vastauksen tekstiä ei ole mukana raportissa.', sv: 'Svarets text finns inte med i rapporten.', en: 'The reply text is not included in the report.' },
  wholeText: { fi: 'koko vastaus', sv: 'hela svaret', en: 'whole reply' },
  overlap: { fi: 'päällekkäisiä', sv: 'överlappande', en: 'overlapping' },
  score: { fi: 'pisteet', sv: 'poäng', en: 'score' },
  inputErrors: { fi: 'Ohitetut syötteet', sv: 'Överhoppade indata', en: 'Skipped inputs' },
  zone: { fi: 'ajat vyöhykkeellä {zone}', sv: 'tider i zonen {zone}', en: 'times in {zone}' },
  redacted: { fi: 'Henkilötiedot peitetty', sv: 'Personuppgifter maskerade', en: 'Personal data masked' },
  footer: {
    fi: 'Tehty aspalintilla omalla koneella – viestit eivät ole lähteneet minnekään.',
    sv: 'Skapad med aspalint på den egna datorn – meddelandena har inte skickats någonstans.',
    en: 'Made with aspalint on this machine – the messages never left it.',
  },
  suppressed: { fi: '{n} vaiennettua', sv: '{n} undertryckta', en: '{n} suppressed' },
} satisfies Record<string, Trilingual | Record<string, Trilingual>>;

const CHANNEL_NAMES: Record<Channel, Trilingual> = {
  email: { fi: 'sähköposti', sv: 'e-post', en: 'email' },
  sms: { fi: 'tekstiviesti', sv: 'sms', en: 'SMS' },
  chat: { fi: 'chat', sv: 'chatt', en: 'chat' },
  social: { fi: 'some', sv: 'sociala medier', en: 'social media' },
};
const LANG_NAMES: Record<Lang, Trilingual> = {
  fi: { fi: 'suomi', sv: 'finska', en: 'Finnish' },
  sv: { fi: 'ruotsi', sv: 'svenska', en: 'Swedish' },
  en: { fi: 'englanti', sv: 'engelska', en: 'English' },
  unknown: { fi: 'kieli tuntematon', sv: 'okänt språk', en: 'unknown language' },
};

const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/** Escapes text for HTML element content and double-quoted attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}
const h = escapeHtml;

/** A severity from the report, reduced to the three known ones (class names never take input text). */
function sev(s: string): Severity {
  return s === 'error' || s === 'warning' ? s : 'info';
}

function fill(template: string, data: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in data ? String(data[key]) : whole));
}

function counted(r: FileResult): Finding[] {
  return r.findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
}

function ruleTitleLookup(options: HtmlOptions): (id: string) => string {
  let titles = options.ruleTitles;
  if (!titles) {
    try {
      titles = Object.fromEntries(loadCatalogue().rules.map((r) => [r.id, r.title]));
    } catch {
      titles = {};
    }
  }
  const table = titles;
  return (id) => table[id]?.[options.uiLang] ?? id;
}

// ---------------------------------------------------------------------------
// Header and summary

function dateRange(results: FileResult[], lang: UiLang, timeZone: string | undefined): string | null {
  const days = results.map((r) => localTime(r.meta, timeZone)?.day).filter((d): d is string => d !== undefined).sort();
  if (days.length === 0) return null;
  const first = showDay(days[0]!, lang);
  const last = showDay(days[days.length - 1]!, lang);
  return first === last ? first : `${first} – ${last}`;
}

/** A reply's date as its writer saw it (or in the configured zone), with the offset; a form it cannot read, as given. */
function showDate(meta: FileResult['meta'], lang: UiLang, timeZone: string | undefined): string {
  const local = localTime(meta, timeZone);
  return local ? showLocalTime(local, lang) : (meta?.date ?? '');
}

function renderHeader(report: LintReport, options: HtmlOptions, title: string): string {
  const lang = options.uiLang;
  const parts = [`<span>${report.results.length} ${h(W.repliesLower[lang])}</span>`];
  const range = dateRange(report.results, lang, options.timeZone);
  if (range) parts.push(`<span>${h(range)}</span>`);
  // Each time shows its offset; a configured zone is named once, so a reader knows the times were converted.
  if (range && options.timeZone) parts.push(`<span class="zone">${h(fill(W.zone[lang], { zone: options.timeZone }))}</span>`);
  if (options.redacted) parts.push(`<span class="badge redacted">${h(W.redacted[lang])}</span>`);
  return `<header class="top"><div class="page">
<div class="eyebrow">${h(W.eyebrow[lang])}</div>
<h1>${h(title)}</h1>
<div class="subline">${parts.join('<span aria-hidden="true">·</span>')}</div>
</div></header>`;
}

function tile(cls: string, value: string, label: string, sub: string): string {
  return `<div class="tile ${cls}"><div class="value">${h(value)}</div><div class="label">${h(label)}</div><div class="sub">${h(sub)}</div></div>`;
}

function renderTiles(report: LintReport, lang: UiLang): string {
  const results = report.results;
  const n = results.length;
  const errors = results.reduce((s, r) => s + r.findings.filter((f) => f.severity === 'error').length, 0);
  const warnings = results.reduce((s, r) => s + r.findings.filter((f) => f.severity === 'warning').length, 0);
  const infos = results.reduce((s, r) => s + r.findings.filter((f) => f.severity === 'info').length, 0);
  const total = results.reduce((s, r) => s + r.score, 0);
  const clean = results.filter((r) => counted(r).length === 0).length;
  const findingsSub = infos > 0 ? fill(W.infosSub[lang], { n: infos }) : W.noInfos[lang];
  return `<section class="tiles" aria-label="summary">
${tile('replies', String(n), W.replies[lang], languageMix(results, lang, report.summary.suppressed))}
${tile('findings', String(errors + warnings), W.findings[lang], findingsSub)}
${tile('error', String(errors), W.errors[lang], W.errorsSub[lang])}
${tile('warning', String(warnings), W.warnings[lang], W.warningsSub[lang])}
${tile('score', formatNumber(n === 0 ? 0 : total / n, lang), W.meanScore[lang], fill(W.totalPoints[lang], { n: total }))}
${tile('clean', formatPercent(n === 0 ? 0 : clean / n, lang), W.clean[lang], fill(W.cleanOf[lang], { clean, n }))}
</section>`;
}

/** "suomi 30 · ruotsi 12" (and the suppressed count, if any). */
function languageMix(results: FileResult[], lang: UiLang, suppressed: number): string {
  const counts = new Map<Lang, number>();
  for (const r of results) counts.set(r.language, (counts.get(r.language) ?? 0) + 1);
  const parts = [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([l, n]) => `${LANG_NAMES[l]?.[lang] ?? l} ${n}`);
  if (suppressed > 0) parts.push(fill(W.suppressed[lang], { n: suppressed }));
  return parts.join(' · ');
}

// ---------------------------------------------------------------------------
// Charts (inline SVG)

function scoreColor(low: number): string {
  if (low === 0) return '#2d8a5b';
  if (low <= 2) return '#d9a400';
  if (low <= 5) return '#e07a26';
  return '#c73a31';
}

/** Score bins: one per score up to 12, else ten bins of equal width after the 0 bin. */
export function scoreBins(scores: number[]): { low: number; high: number; count: number }[] {
  const max = Math.max(0, ...scores);
  const bins: { low: number; high: number; count: number }[] = [];
  if (max <= 12) {
    for (let s = 0; s <= Math.max(max, 5); s++) bins.push({ low: s, high: s, count: 0 });
  } else {
    bins.push({ low: 0, high: 0, count: 0 });
    const width = Math.ceil(max / 10);
    for (let low = 1; low <= max; low += width) bins.push({ low, high: low + width - 1, count: 0 });
  }
  for (const s of scores) {
    const bin = bins.find((b) => s >= b.low && s <= b.high) ?? bins[bins.length - 1]!;
    bin.count++;
  }
  return bins;
}

/** An axis for counts up to n: a round step (1, 2, 5 × 10^k) and at most five steps. */
export function niceAxis(n: number): { max: number; step: number } {
  const top = Math.max(1, n);
  for (let k = 0; ; k++) {
    for (const m of [1, 2, 5]) {
      const step = m * 10 ** k;
      if (Math.ceil(top / step) <= 5) return { max: Math.ceil(top / step) * step, step };
    }
  }
}

function renderDistribution(report: LintReport, lang: UiLang): string {
  const scores = report.results.map((r) => r.score);
  let body: string;
  if (scores.length === 0) body = `<div class="empty">${h(W.noReplies[lang])}</div>`;
  else {
    const bins = scoreBins(scores);
    const width = 520;
    const height = 250;
    const left = 34;
    const right = 8;
    const top = 18;
    const bottom = 40;
    const plotW = width - left - right;
    const plotH = height - top - bottom;
    const axis = niceAxis(Math.max(...bins.map((b) => b.count)));
    const maxCount = axis.max;
    const parts: string[] = [];
    for (let v = 0; v <= maxCount; v += axis.step) {
      const y = top + plotH - (plotH * v) / maxCount;
      parts.push(`<line class="grid" x1="${left}" x2="${width - right}" y1="${y.toFixed(1)}" y2="${y.toFixed(1)}"/>`);
      parts.push(`<text x="${left - 6}" y="${(y + 4).toFixed(1)}" text-anchor="end">${v}</text>`);
    }
    const slot = plotW / bins.length;
    const barW = Math.min(44, slot * 0.72);
    bins.forEach((b, i) => {
      const x = left + slot * i + (slot - barW) / 2;
      const bh = (plotH * b.count) / maxCount;
      const y = top + plotH - bh;
      const label = b.low === b.high ? String(b.low) : `${b.low}–${b.high}`;
      if (b.count > 0) {
        parts.push(
          `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${barW.toFixed(1)}" height="${bh.toFixed(1)}" rx="4" fill="${scoreColor(b.low)}"><title>${h(`${label} ${W.axisScore[lang]}: ${b.count} ${W.repliesLower[lang]}`)}</title></rect>`,
        );
        parts.push(`<text class="val" x="${(x + barW / 2).toFixed(1)}" y="${(y - 5).toFixed(1)}" text-anchor="middle">${b.count}</text>`);
      }
      parts.push(`<text x="${(x + barW / 2).toFixed(1)}" y="${top + plotH + 16}" text-anchor="middle">${h(label)}</text>`);
    });
    parts.push(`<line class="axis" x1="${left}" x2="${width - right}" y1="${top + plotH}" y2="${top + plotH}"/>`);
    parts.push(`<text x="${left + plotW / 2}" y="${height - 4}" text-anchor="middle">${h(W.axisScore[lang])} →</text>`);
    body = `<svg class="chart" viewBox="0 0 ${width} ${height}" role="img" aria-label="${h(W.distTitle[lang])}">${parts.join('')}</svg>${renderBands(scores, lang)}`;
  }
  return `<div class="card"><h2>${h(W.distTitle[lang])}</h2><p class="caption">${h(W.distCaption[lang])}</p>${body}</div>`;
}

const BANDS: { low: number; high: number; colour: string; label: Trilingual }[] = [
  { low: 0, high: 0, colour: '#2d8a5b', label: { fi: 'Puhdas (0)', sv: 'Felfritt (0)', en: 'Clean (0)' } },
  { low: 1, high: 2, colour: '#d9a400', label: { fi: 'Hiottavaa (1–2)', sv: 'Putsa (1–2)', en: 'Polish (1–2)' } },
  { low: 3, high: 5, colour: '#e07a26', label: { fi: 'Korjattavaa (3–5)', sv: 'Rätta (3–5)', en: 'Fix (3–5)' } },
  { low: 6, high: Infinity, colour: '#c73a31', label: { fi: 'Kirjoita uusiksi (6+)', sv: 'Skriv om (6+)', en: 'Rewrite (6+)' } },
];

/** The replies in four bands, as one stacked bar and a legend with counts and shares. */
function renderBands(scores: number[], lang: UiLang): string {
  const n = scores.length;
  const counts = BANDS.map((b) => scores.filter((s) => s >= b.low && s <= b.high).length);
  const bar = BANDS.map((b, i) =>
    counts[i]! > 0 ? `<b style="width:${((100 * counts[i]!) / n).toFixed(2)}%;background:${b.colour}" title="${h(`${b.label[lang]}: ${counts[i]}`)}"></b>` : '',
  ).join('');
  const legend = BANDS.map(
    (b, i) => `<div><i style="background:${b.colour}"></i>${h(b.label[lang])}<strong>${counts[i]} · ${h(formatPercent(counts[i]! / n, lang))}</strong></div>`,
  ).join('');
  return `<div class="bands" aria-hidden="true">${bar}</div><div class="bandlegend">${legend}</div>`;
}

function truncate(s: string, max: number): string {
  const chars = [...s];
  return chars.length <= max ? s : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}

/**
 * Findings per rule as HTML rows, not SVG: a title wraps onto a second line in its
 * column instead of being cut at a fixed number of characters (SVG text cannot wrap),
 * and a custom rule's long title or id never pushes the card wider than the page.
 */
function renderRuleChart(report: LintReport, lang: UiLang, title: (id: string) => string): string {
  const byRule = new Map<string, Record<Severity, number>>();
  for (const r of report.results) {
    for (const f of r.findings) {
      const c = byRule.get(f.ruleId) ?? { error: 0, warning: 0, info: 0 };
      c[sev(f.severity)]++;
      byRule.set(f.ruleId, c);
    }
  }
  const rows = [...byRule.entries()]
    .map(([id, c]) => ({ id, c, total: c.error + c.warning + c.info }))
    .sort((a, b) => b.total - a.total || (a.id < b.id ? -1 : 1));
  let body: string;
  if (rows.length === 0) body = `<div class="empty">${h(W.noFindings[lang])}</div>`;
  else {
    const shown = rows.slice(0, 12);
    const max = Math.max(...shown.map((r) => r.total));
    const colours: Record<Severity, string> = { error: '#c73a31', warning: '#e0a100', info: '#3a74c4' };
    const items = shown.map((row) => {
      const bars = (['error', 'warning', 'info'] as const)
        .filter((s) => row.c[s] > 0)
        .map(
          (s) =>
            `<b style="width:${((100 * row.c[s]) / max).toFixed(2)}%;background:${colours[s]}" title="${h(`${title(row.id)} – ${t(UI[s], lang)}: ${row.c[s]}`)}"></b>`,
        )
        .join('');
      return `<li data-rule="${h(row.id)}"><div class="rb-label"><div class="rule-title">${h(title(row.id))}</div><code class="rb-id">${h(row.id)}</code></div><div class="rb-track">${bars}</div><span class="rb-val">${row.total}</span></li>`;
    });
    const more = rows.length > shown.length ? `<div class="legend">${h(fill(W.moreRules[lang], { n: rows.length - shown.length }))}</div>` : '';
    const legend = (['error', 'warning', 'info'] as const)
      .filter((s) => rows.some((r) => r.c[s] > 0))
      .map((s) => `<span><i style="background:${colours[s]}"></i>${h(t(UI[s], lang))}</span>`)
      .join('');
    body = `<ol class="rulebars" aria-label="${h(W.rulesTitle[lang])}">${items.join('')}</ol><div class="legend">${legend}</div>${more}`;
  }
  return `<div class="card"><h2>${h(W.rulesTitle[lang])}</h2><p class="caption">${h(W.rulesCaption[lang])}</p>${body}</div>`;
}

// ---------------------------------------------------------------------------
// The bingo card

function cardMax(card: BingoCard): number {
  return card.squares.reduce((sum, s) => sum + Math.max(0, ...Object.values(s.rules)), 0);
}

function renderBingo(report: LintReport, card: BingoCard, lang: UiLang): string {
  const tally = tallyBingo(card, report.results.map((r) => ({ path: r.path, findings: r.findings })));
  const max = cardMax(card);
  const squares = card.squares
    .map((square) => {
      const s = tally.squares.find((x) => x.id === square.id)!;
      const hit = s.hits > 0;
      const ex = s.examples[0];
      const hits = s.hits === 0 ? W.noHits[lang] : s.hits === 1 ? W.hit1[lang] : fill(W.hits[lang], { n: s.hits });
      const example = ex
        ? `<div class="sq-ex">${h(W.example[lang])} <q>${h(truncate(ex.actual.replace(/\s+/g, ' ').trim(), 70))}</q></div>`
        : '';
      return `<div class="square ${hit ? 'hit' : 'miss'}" data-square="${h(square.id)}">
<div class="sq-head"><div class="sq-title">${h(square.title[lang])}</div><div class="stamp" aria-hidden="true">${hit ? `+${s.points}` : '○'}</div></div>
<div class="sq-desc">${h(square.description[lang])}</div>
${example}
<div class="sq-foot"><span>${h(hits)}</span><span>${hit ? `<b>+${s.points} p</b>` : h(W.free[lang])}</span></div>
</div>`;
    })
    .join('\n');
  const tiers = [...card.tiers].sort((a, b) => a.min - b.min);
  const ladder = tiers
    .map((tier) => {
      const label = tier.min === tier.max ? String(tier.min) : `${tier.min}–${tier.max}`;
      const on = tier === tally.tier;
      return `<span class="${on ? 'on' : ''}" title="${h(tier.title[lang])}">${h(label)}${on ? ` · ${h(tier.title[lang])}` : ''}</span>`;
    })
    .join('');
  return `<section class="bingo-section"><div class="card bingo">
<div class="bingo-head">
<div class="bingo-title"><div class="balls" aria-hidden="true"><span>B</span><span>I</span><span>N</span><span>G</span><span>O</span></div>
<div><h2>${h(W.bingoTitle[lang])}</h2><p class="caption">${h(fill(W.bingoCaption[lang], { n: tally.messages }))}</p></div></div>
<div class="score-pill">${h(fill(W.pointsOf[lang], { p: tally.points, max }))}</div>
</div>
<div class="squares">${squares}</div>
<div class="verdict">
<div class="big">${tally.points}<small>${h(W.pointsWord[lang])}</small></div>
<div><div class="tier">${h(tally.tier.title[lang])}</div><p>${h(tally.tier.verdict[lang])}</p><div class="ladder">${ladder}</div></div>
</div>
</div></section>`;
}

// ---------------------------------------------------------------------------
// Groups table

function groupKeyLabel(key: string, by: GroupBy, lang: UiLang): string {
  if (by === 'channel' && key in CHANNEL_NAMES) return CHANNEL_NAMES[key as Channel][lang];
  if (by === 'language' && key in LANG_NAMES) return LANG_NAMES[key as Lang][lang];
  return displayKey(key, lang);
}

function renderGroups(groups: Group[], by: GroupBy, card: BingoCard, lang: UiLang, title: (id: string) => string): string {
  const maxMean = Math.max(1, ...groups.map((g) => g.meanScore));
  const rows = groups
    .map((g) => {
      const dots = card.squares
        .map((sq) => {
          const s = g.bingo.squares.find((x) => x.id === sq.id);
          return `<i class="${s && s.hits > 0 ? 'on' : ''}" title="${h(sq.title[lang])}"></i>`;
        })
        .join('');
      // Titles, not ids: the table is read by people; the id is the item's tooltip (and beside the title in the chart above).
      const top = g.topRules
        .slice(0, 3)
        .map((r) => `<li title="${h(r.ruleId)}"><span class="rule-title">${h(title(r.ruleId))}</span>&nbsp;<b>×${r.count}</b></li>`)
        .join('');
      const meanPct = Math.round((100 * g.meanScore) / maxMean);
      const cleanPct = Math.round(100 * g.cleanShare);
      return `<tr data-key="${h(g.key)}">
<td class="key">${h(groupKeyLabel(g.key, by, lang))}</td>
<td class="num">${g.messages}</td>
<td class="num"><div class="metered">${h(formatNumber(g.meanScore, lang))}<span class="meter"><b style="width:${meanPct}%;background:${scoreColor(Math.round(g.meanScore))}"></b></span></div></td>
<td class="num"><div class="metered">${h(formatPercent(g.cleanShare, lang))}<span class="meter"><b style="width:${cleanPct}%;background:#2d8a5b"></b></span></div></td>
<td class="num">${g.findings}${g.errors > 0 ? `<span class="errcount" title="${h(W.errors[lang])}">${h(count(g.errors, 'error', lang))}</span>` : ''}</td>
<td><span class="dots" aria-hidden="true">${dots}</span><b>${g.bingo.points}</b> <span class="tiername">${h(g.bingo.tier.title[lang])}</span></td>
<td class="top">${top ? `<ul class="toprules">${top}</ul>` : ''}</td>
</tr>`;
    })
    .join('\n');
  const head = [
    `<th>${h(GROUP_WORDS[by][lang])}</th>`,
    `<th class="num">${h(GROUP_WORDS.replies[lang])}</th>`,
    `<th class="num">${h(GROUP_WORDS.meanScore[lang])}</th>`,
    `<th class="num">${h(GROUP_WORDS.clean[lang])}</th>`,
    `<th class="num">${h(W.findings[lang])}</th>`,
    `<th>${h(GROUP_WORDS.bingo[lang])}</th>`,
    `<th>${h(GROUP_WORDS.topRules[lang])}</th>`,
  ].join('');
  return `<section class="card groups"><h2>${h(W.groupsTitle[by][lang])}</h2><p class="caption">${h(W.groupsCaption[lang])}</p>
<div class="tablewrap"><table><thead><tr>${head}</tr></thead><tbody>
${rows}
</tbody></table></div></section>`;
}

// ---------------------------------------------------------------------------
// Worst replies, findings highlighted in context

interface Span {
  n: number;
  f: Finding;
  start: number;
  end: number;
}

const LABELS = [...new Set(Object.values(MASK_LABELS).flatMap((l) => [l.fi, l.sv, l.en]))].sort((a, b) => b.length - a.length);
const MASK_RUN = new RegExp(`\\[(?:${LABELS.map((l) => l.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})${MASK_FILL}*\\]|${MASK_BLOCK}+`, 'g');

/** Escaped text, with the masks of `--redact` (only when the report says it is redacted) ("[nimi···]", "████") drawn as masks. */
function textWithMasks(s: string): string {
  let out = '';
  let at = 0;
  for (const m of s.matchAll(MASK_RUN)) {
    out += h(s.slice(at, m.index)) + `<span class="pii${m[0].startsWith('[') ? '' : ' block'}">${h(m[0])}</span>`;
    at = m.index! + m[0].length;
  }
  return out + h(s.slice(at));
}

/** A finding covering most of a long reply is listed, not highlighted (a mark over everything says nothing). */
function isWholeText(f: Finding, length: number): boolean {
  return f.length > 200 && f.length >= length * 0.6;
}

function tip(spans: Span[], lang: UiLang): string {
  return spans.map((s) => `${s.n}. ${t(UI[sev(s.f.severity)], lang)}: ${s.f.message} (${s.f.ruleId})`).join('\n');
}

/**
 * The reply text with `<mark>` spans at the findings' offsets. Overlapping findings are cut
 * into segments at every span boundary; a segment covered by several findings is one mark
 * with the strongest severity, a hatched background and every message in its tooltip.
 * Zero-length findings become a caret. With `masks`, redaction masks are drawn as masks.
 */
export function highlightText(text: string, findings: Finding[], lang: UiLang, masks = false): string {
  const len = text.length;
  const spans: Span[] = [];
  const carets: Span[] = [];
  findings.forEach((f, i) => {
    const start = Math.max(0, Math.min(len, f.offset));
    const end = Math.max(start, Math.min(len, f.offset + f.length));
    if (isWholeText(f, len)) return;
    if (end > start) spans.push({ n: i + 1, f, start, end });
    else carets.push({ n: i + 1, f, start, end });
  });
  let replyEnd: number;
  try {
    replyEnd = analyseAnatomy(text).replyEnd;
  } catch {
    replyEnd = len;
  }
  const cuts = new Set<number>([0, len, replyEnd]);
  for (const s of spans) cuts.add(s.start).add(s.end);
  for (const c of carets) cuts.add(c.start);
  const points = [...cuts].filter((p) => p >= 0 && p <= len).sort((a, b) => a - b);
  let out = '';
  for (let i = 0; i < points.length; i++) {
    const at = points[i]!;
    const here = carets.filter((c) => c.start === at);
    if (here.length > 0) {
      const strongest = here.reduce((a, b) => (SEVERITY_RANK[sev(b.f.severity)] > SEVERITY_RANK[sev(a.f.severity)] ? b : a));
      out += `<span class="caret c-${sev(strongest.f.severity)}" title="${h(tip(here, lang))}"><i></i><sup class="n">${here.map((c) => c.n).join(',')}</sup></span>`;
    }
    const next = points[i + 1];
    if (next === undefined || next === at) continue;
    const segment = masks ? textWithMasks(text.slice(at, next)) : h(text.slice(at, next));
    const active = spans.filter((s) => s.start <= at && s.end >= next);
    if (active.length === 0) {
      out += at >= replyEnd ? `<span class="quoted">${segment}</span>` : segment;
      continue;
    }
    const strongest = active.reduce((a, b) => (SEVERITY_RANK[sev(b.f.severity)] > SEVERITY_RANK[sev(a.f.severity)] ? b : a));
    const starting = active.filter((s) => s.start === at).map((s) => s.n);
    const marker = starting.length > 0 ? `<sup class="n">${starting.join(',')}</sup>` : '';
    const cls = `m-${sev(strongest.f.severity)}${active.length > 1 ? ' m-ov' : ''}`;
    out += `<mark class="${cls}" title="${h(tip(active, lang))}">${marker}${segment}</mark>`;
  }
  return out;
}

function renderFindingList(r: FileResult, lang: UiLang, title: (id: string) => string, textLength: number | null): string {
  const items = r.findings
    .map((f, i) => {
      const s = sev(f.severity);
      const whole = textLength !== null && isWholeText(f, textLength) ? ` <span class="rule">(${h(W.wholeText[lang])})</span>` : '';
      const actual = textLength === null && f.actual ? `<div class="actual">“${h(truncate(f.actual.replace(/\s+/g, ' '), 120))}”</div>` : '';
      const shown = f.suggestions.slice(0, 3).map((x) => (x.trim() === '' ? '␣' : x));
      const sugg = shown.length > 0 ? `<div class="sugg">→ ${h(shown.join(' | '))}</div>` : '';
      const weight = s === 'info' ? '' : ` · +${f.weight}`;
      return `<li><span class="fn">${i + 1}</span><div><div class="msg"><span class="sev ${s}">${h(t(UI[s], lang))}</span>${h(f.message)}${whole}</div>${actual}${sugg}<div class="rule">${h(title(f.ruleId))} · <code>${h(f.ruleId)}</code>${h(weight)} · ${f.line}:${f.column}</div></div></li>`;
    })
    .join('');
  return `<ol class="findings">${items}</ol>`;
}

/** The weakest replies: highest score first, then path; only replies that score. */
export function worstResults(results: FileResult[], count: number): FileResult[] {
  return results
    .filter((r) => r.score > 0)
    .sort((a, b) => b.score - a.score || b.findings.length - a.findings.length || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .slice(0, count);
}

function renderWorst(report: LintReport, options: HtmlOptions, title: (id: string) => string): string {
  const lang = options.uiLang;
  const worst = worstResults(report.results, options.worst ?? 10);
  const intro = `<h2>${h(W.worstTitle[lang])}</h2><p class="caption">${h(fill(W.worstCaption[lang], { n: worst.length }))}</p>`;
  if (worst.length === 0) {
    const empty = report.results.length === 0 ? W.noReplies[lang] : W.allClean[lang];
    return `<section class="worst">${intro}<div class="card allclean">${h(empty)}</div></section>`;
  }
  const legend = `<div class="legend" style="margin:0 0 12px">${(['error', 'warning', 'info'] as const)
    .map((s) => `<span><mark class="m-${s}">&nbsp;${h(t(UI[s], lang))}&nbsp;</mark></span>`)
    .join('')}<span><mark class="m-warning m-ov">&nbsp;${h(W.overlap[lang])}&nbsp;</mark></span></div>`;
  const articles = worst
    .map((r, i) => {
      const text = options.messages?.get(r.path);
      const metas: string[] = [];
      if (r.meta?.agent) metas.push(`<span class="agent">${h(r.meta.agent)}</span>`);
      if (r.meta?.date) metas.push(`<span class="date">${h(showDate(r.meta, lang, options.timeZone))}</span>`);
      metas.push(`<span>${h(CHANNEL_NAMES[r.channel]?.[lang] ?? r.channel)}</span>`);
      metas.push(`<span>${h(LANG_NAMES[r.language]?.[lang] ?? r.language)}</span>`);
      if (r.meta?.subject) metas.push(`<span>“${h(truncate(r.meta.subject, 80))}”</span>`);
      const textHtml =
        text !== undefined ? highlightText(text, r.findings, lang, options.redacted === true) : `<span class="notext">${h(W.noText[lang])}</span>`;
      const badge = r.score >= 5 ? 'scorebadge' : 'scorebadge mid';
      return `<article class="card reply">
<div class="reply-head"><div class="rank">#${i + 1}</div><div class="reply-id"><div class="path">${h(r.path)}</div><div class="metas">${metas.join('')}</div></div>
<div class="${badge}">${r.score}<small>${h(W.score[lang])}</small></div></div>
<div class="reply-body"><div class="textcol"><pre class="reply-text">${textHtml}</pre></div>${renderFindingList(r, lang, title, text !== undefined ? text.length : null)}</div>
</article>`;
    })
    .join('\n');
  return `<section class="worst">${intro}${legend}${articles}</section>`;
}

function renderInputErrors(report: LintReport, lang: UiLang): string {
  if (report.errors.length === 0) return '';
  const items = report.errors.map((e) => `<li>${h(inputErrorMessage(e, lang))}</li>`).join('');
  return `<section class="card"><h2>${h(W.inputErrors[lang])}</h2><ul class="inputerrors">${items}</ul></section>`;
}

// ---------------------------------------------------------------------------

/** The Content-Security-Policy of the page: no script, no fetch, inline styles and data: images only. */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/** One self-contained HTML page for a report, in the UI language. Deterministic: no clock, no randomness. */
export function renderHtml(report: LintReport, options: HtmlOptions): string {
  const lang = options.uiLang;
  const title = options.title ?? W.title[lang];
  const ruleTitle = ruleTitleLookup(options);
  const by = options.groupBy ?? 'agent';
  let groups = options.groups;
  if (!groups && report.results.some((r) => r.meta?.agent)) groups = groupResults(report.results, 'agent', options.card);
  const groupHtml = groups && groups.length > 0 ? renderGroups(groups, options.groups ? by : 'agent', options.card, lang, ruleTitle) : '';
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${h(REPORT_CSP)}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<meta name="generator" content="aspalint">
<title>${h(title)}</title>
<link rel="icon" href="data:,">
<style>${REPORT_CSS}</style>
</head>
<body>
${renderHeader(report, options, title)}
<main class="page">
${renderTiles(report, lang)}
<section class="grid2">
${renderDistribution(report, lang)}
${renderRuleChart(report, lang, ruleTitle)}
</section>
${renderBingo(report, options.card, lang)}
${groupHtml}
${renderWorst(report, options, ruleTitle)}
${renderInputErrors(report, lang)}
<footer>${h(W.footer[lang])}</footer>
</main>
</body>
</html>
`;
}
