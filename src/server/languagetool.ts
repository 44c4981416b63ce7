/**
 * LanguageTool's public HTTP API (`POST /v2/check`, `GET /v2/languages`),
 * answered by aspalint, so that LanguageTool clients — browser add-ons,
 * editor plugins — can use aspalint as their server. Field names, types and
 * the context window follow LanguageTool's own serializer
 * (RuleMatchesAsJsonSerializer, ContextTools: 40 characters each side, line
 * breaks shown as spaces). Rule ids are ours (`phrase/calque`), so a client's
 * `disabledRules` round-trips.
 */
import type { FileResult, Lang, UiLang } from '../types.js';
import type { RuleMeta } from '../engine/catalogue.js';
import { parse } from '../text/parse.js';
import { detectLanguage } from '../text/language.js';

/** A request as LanguageTool takes it, from a form or a JSON body. */
export type CheckParams = Record<string, unknown>;

export interface CheckRequest {
  /** The text the rules see (markup replaced by what it is interpreted as). */
  text: string;
  /** The text as sent, markup included: offsets and contexts refer to it. */
  original: string;
  /** Maps an offset in `text` to one in `original` (identity for plain text). */
  toOriginal: (offset: number, end: boolean) => number;
  lang: 'fi' | 'sv' | undefined;
  disabledRules: Set<string>;
  enabledRules: Set<string>;
  enabledOnly: boolean;
  disabledCategories: Set<string>;
  enabledCategories: Set<string>;
}

export class CheckRequestError extends Error {}

const LANGUAGES = [
  { name: 'Finnish', code: 'fi', longCode: 'fi-FI' },
  { name: 'Swedish', code: 'sv', longCode: 'sv-SE' },
  { name: 'Swedish (Finland)', code: 'sv', longCode: 'sv-FI' },
];

/** `GET /v2/languages`. */
export function languages(): typeof LANGUAGES {
  return LANGUAGES;
}

const LANG_NAMES: Record<Lang, { name: string; code: string }> = {
  fi: { name: 'Finnish', code: 'fi-FI' },
  sv: { name: 'Swedish', code: 'sv-SE' },
  en: { name: 'English', code: 'en' },
  // LanguageTool's own code for "no language".
  unknown: { name: 'No language', code: 'zz' },
};

function list(value: unknown): Set<string> {
  return new Set(typeof value === 'string' ? value.split(',').map((s) => s.trim()).filter(Boolean) : []);
}

/** Reads `text` or `data` and `language`; a missing or bad parameter is a CheckRequestError. */
export function parseCheckRequest(params: CheckParams): CheckRequest {
  const language = params.language;
  if (typeof language !== 'string' || language.trim() === '') throw new CheckRequestError("Missing 'language' parameter: use fi, sv or auto");
  const code = language.trim().toLowerCase();
  let lang: 'fi' | 'sv' | undefined;
  if (code === 'auto') lang = undefined;
  else if (/^fi(-|$)/.test(code)) lang = 'fi';
  else if (/^sv(-|$)/.test(code)) lang = 'sv';
  else throw new CheckRequestError(`'${language}' is not a language code known to aspalint: use fi, sv or auto`);
  const base = {
    lang,
    disabledRules: list(params.disabledRules),
    enabledRules: list(params.enabledRules),
    enabledOnly: params.enabledOnly === true || params.enabledOnly === 'true',
    disabledCategories: list(params.disabledCategories),
    enabledCategories: list(params.enabledCategories),
  };
  if (typeof params.text === 'string') return { ...base, text: params.text, original: params.text, toOriginal: (o) => o };
  if (params.data !== undefined) return { ...base, ...annotated(params.data) };
  throw new CheckRequestError("Missing 'text' or 'data' parameter");
}

/**
 * LanguageTool's annotated text: `{"annotation": [{"text": "…"}, {"markup": "<b>", "interpretAs": ""}]}`.
 * The rules see the text parts and what markup is interpreted as; positions
 * are reported in the text with its markup, as LanguageTool does.
 */
function annotated(data: unknown): Pick<CheckRequest, 'text' | 'original' | 'toOriginal'> {
  let value = data;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch (err) {
      throw new CheckRequestError(`'data' is not valid JSON: ${(err as Error).message}`);
    }
  }
  const parts = (value as { annotation?: unknown } | null)?.annotation;
  if (!Array.isArray(parts)) throw new CheckRequestError("'data' needs an 'annotation' list of {text} and {markup} parts");
  const segments: { plain: number; orig: number; plainLength: number; origLength: number; text: boolean }[] = [];
  let text = '';
  let original = '';
  parts.forEach((part: unknown, i) => {
    const p = (part ?? {}) as { text?: unknown; markup?: unknown; interpretAs?: unknown };
    if (typeof p.text === 'string') {
      segments.push({ plain: text.length, orig: original.length, plainLength: p.text.length, origLength: p.text.length, text: true });
      text += p.text;
      original += p.text;
    } else if (typeof p.markup === 'string') {
      const as = typeof p.interpretAs === 'string' ? p.interpretAs : '';
      segments.push({ plain: text.length, orig: original.length, plainLength: as.length, origLength: p.markup.length, text: false });
      text += as;
      original += p.markup;
    } else {
      throw new CheckRequestError(`'data' annotation #${i + 1} has neither 'text' nor 'markup'`);
    }
  });
  const toOriginal = (offset: number, end: boolean): number => {
    for (const s of segments) {
      const inside = end ? offset > s.plain && offset <= s.plain + s.plainLength : offset >= s.plain && offset < s.plain + s.plainLength;
      if (!inside) continue;
      if (s.text) return s.orig + (offset - s.plain);
      return end ? s.orig + s.origLength : s.orig;
    }
    return original.length;
  };
  return { text, original, toOriginal };
}

/** Rule categories (the first part of a rule id) as LanguageTool names them, with its issue types. */
const CATEGORIES: Record<string, { name: Record<UiLang, string>; issueType: string }> = {
  greeting: { name: { fi: 'Tervehdys', sv: 'Hälsning', en: 'Greeting' }, issueType: 'style' },
  signoff: { name: { fi: 'Lopputervehdys', sv: 'Avslutning', en: 'Sign-off' }, issueType: 'style' },
  phrase: { name: { fi: 'Fraasit', sv: 'Fraser', en: 'Phrases' }, issueType: 'style' },
  address: { name: { fi: 'Puhuttelu', sv: 'Tilltal', en: 'Address' }, issueType: 'register' },
  format: { name: { fi: 'Muotoilu', sv: 'Formatering', en: 'Formatting' }, issueType: 'typographical' },
  grammar: { name: { fi: 'Kielioppi', sv: 'Grammatik', en: 'Grammar' }, issueType: 'grammar' },
  spelling: { name: { fi: 'Oikeinkirjoitus', sv: 'Stavning', en: 'Spelling' }, issueType: 'misspelling' },
  content: { name: { fi: 'Sisältö', sv: 'Innehåll', en: 'Content' }, issueType: 'omission' },
  privacy: { name: { fi: 'Tietosuoja', sv: 'Dataskydd', en: 'Privacy' }, issueType: 'legal' },
  template: { name: { fi: 'Mallipohja', sv: 'Mall', en: 'Template' }, issueType: 'omission' },
  channel: { name: { fi: 'Kanava', sv: 'Kanal', en: 'Channel' }, issueType: 'length' },
  thread: { name: { fi: 'Keskustelu', sv: 'Konversation', en: 'Thread' }, issueType: 'omission' },
  playbook: { name: { fi: 'Pelikirja', sv: 'Spelbok', en: 'Playbook' }, issueType: 'omission' },
};

/** Rules whose issue type is narrower than their category's. */
const ISSUE_TYPES: Record<string, string> = {
  'grammar/repeated-word': 'duplication',
  'grammar/punctuation-space': 'whitespace',
  'format/spacing': 'whitespace',
  'format/number': 'numbers',
  'content/internal-note': 'addition',
  'thread/echo': 'duplication',
  'thread/language-mismatch': 'locale-violation',
};

function categoryOf(ruleId: string, uiLang: UiLang): { id: string; name: string; issueType: string } {
  const prefix = ruleId.split('/')[0]!;
  const known = CATEGORIES[prefix];
  return {
    id: prefix.toUpperCase().replace(/[^A-Z0-9]+/g, '_'),
    name: known?.name[uiLang] ?? prefix,
    issueType: ISSUE_TYPES[ruleId] ?? known?.issueType ?? 'uncategorized',
  };
}

const CONTEXT_SIZE = 40;

/** LanguageTool's context window: 40 characters each side, "..." where cut, line breaks as spaces. */
function context(text: string, from: number, to: number): { text: string; offset: number; length: number } {
  const start = Math.max(0, from - CONTEXT_SIZE);
  const end = Math.min(text.length, to + CONTEXT_SIZE);
  const prefix = start > 0 ? '...' : '';
  const postfix = end < text.length ? '...' : '';
  return { text: prefix + text.slice(start, end).replace(/\n/g, ' ') + postfix, offset: prefix.length + from - start, length: to - from };
}

export interface CheckResponseOptions {
  version: string;
  uiLang: UiLang;
  metas: Map<string, RuleMeta>;
}

/** The findings of one lint as LanguageTool's response. */
export function checkResponse(request: CheckRequest, result: FileResult, options: CheckResponseOptions) {
  const { uiLang, metas } = options;
  const sentences = parse(request.text).sentences;
  const sentenceOf = (offset: number) => sentences.find((s) => offset >= s.start && offset < s.end) ?? [...sentences].reverse().find((s) => s.start <= offset);
  const detected: Lang = request.lang ? detectLanguage(request.text) : result.language;
  const findings = result.findings.filter((f) => {
    const category = categoryOf(f.ruleId, uiLang).id;
    if (request.disabledRules.has(f.ruleId) || request.disabledCategories.has(category)) return false;
    if (request.enabledOnly) return request.enabledRules.has(f.ruleId) || request.enabledCategories.has(category);
    return true;
  });
  return {
    software: { name: 'aspalint', version: options.version, buildDate: '', apiVersion: 1, premium: false, status: '' },
    warnings: { incompleteResults: false },
    language: {
      ...LANG_NAMES[result.language],
      detectedLanguage: {
        ...LANG_NAMES[detected],
        // aspalint's detector has no probability: 1 when it recognised the language, 0 when not.
        confidence: detected === 'unknown' ? 0 : 1,
        source: 'aspalint',
      },
    },
    matches: findings.map((f) => {
      const from = request.toOriginal(f.offset, false);
      const to = Math.max(from, request.toOriginal(f.offset + f.length, true));
      const meta = metas.get(f.ruleId);
      const category = categoryOf(f.ruleId, uiLang);
      const sentence = sentenceOf(f.offset);
      return {
        message: f.message,
        shortMessage: meta?.title[uiLang] ?? '',
        replacements: f.suggestions.map((value) => ({ value })),
        offset: from,
        length: to - from,
        context: context(request.original, from, to),
        sentence: sentence?.text.trim() ?? '',
        type: { typeName: f.ruleId === 'spelling/typo' ? 'UnknownWord' : f.severity === 'info' ? 'Hint' : 'Other' },
        rule: {
          id: f.ruleId,
          description: meta?.title[uiLang] ?? f.ruleId,
          issueType: category.issueType,
          category: { id: category.id, name: category.name },
        },
        ignoreForIncompleteSentence: false,
        contextForSureMatch: 0,
      };
    }),
    sentenceRanges: sentences.map((s) => [request.toOriginal(s.start, false), request.toOriginal(s.end, true)]),
  };
}
