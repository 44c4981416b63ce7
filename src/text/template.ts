/**
 * Template syntax in canned replies: Handlebars/Mustache, Liquid (Zendesk,
 * Shopify), Nunjucks, Freshdesk/Zendesk placeholders, "%NAME%", "*|FNAME|*",
 * "${name}" and bracketed fields such as "[Asiakkaan nimi]" or "[Kundens namn]".
 *
 * Every tag is either a control (produces no text: if/else/each/for/endif,
 * comments, assignments) or a placeholder (produces text when the template is
 * rendered: a variable, a partial, an include). In template mode the controls
 * are blanked (offsets kept) and the placeholders stand for the text they will
 * become. Inline aspalint directive comments are left alone: they are found and
 * blanked by text/directives.ts, and must stay in the text for it to see them.
 */
import picomatch from 'picomatch';
import { relative, resolve, sep } from 'node:path';
import { blankOut, findDirectives } from './directives.js';
import { fileOfPath } from '../input/member-path.js';

export type TemplateSyntaxKind =
  | 'handlebars'
  | 'liquid'
  | 'nunjucks'
  | 'html'
  | 'percent'
  | 'merge-tag'
  | 'dollar'
  | 'bracket'
  | 'ruby'
  | 'smarty'
  | 'brace'
  | 'printf'
  | 'angle'
  | 'php'
  | 'colon';

export interface Span {
  /** Offset of the tag's first character. */
  start: number;
  /** Offset just past the tag's last character. */
  end: number;
  syntax: TemplateSyntaxKind;
  /**
   * For placeholders: the variable or partial named ("ticket.requester.first_name",
   * "NAME", "Asiakkaan nimi"). For controls: the tag's keyword ("if", "/if",
   * "else", "endfor", "comment", "assign"…).
   */
  name: string;
}

export interface TemplateSyntax {
  /** Tags that produce no text: block helpers, conditionals, loops, comments. Sorted, disjoint. */
  controls: Span[];
  /** Tags that produce text: variables, partials, includes, fields to fill. Sorted, disjoint. */
  placeholders: Span[];
}

/** File endings that are always templates. */
export const TEMPLATE_EXTENSIONS = ['hbs', 'handlebars', 'mustache', 'liquid', 'njk', 'nunjucks'];

/**
 * Liquid/Nunjucks tags that write text where they stand; every other tag
 * ({% if %}, {% for %}, {% assign %}, {% set %}, {% endif %}…) is a control.
 */
const TEXT_TAGS = new Set(['include', 'render', 'echo', 'cycle', 'section', 'sections', 'snippet', 'dynamic_content', 'placeholder']);

/** Bracketed fields: all capitals ("[NIMI]", "[ASIAKKAAN NIMI]") or naming a field ("[Asiakkaan nimi]", "[Kundens namn]"). */
const BRACKET_CAPS = /^\p{Lu}[\p{Lu}\p{N}\s_.-]{1,40}$/u;
const BRACKET_WORDS =
  /^(?:asiakkaan|asiakas|kundens|kund|customer|client|nimi|namn|name|etunimi|sukunimi|förnamn|efternamn|first name|last name|päivämäärä|pvm|datum|date|tilausnumero|ordernummer|order number|tikettinumero|ärendenummer|summa|belopp|amount|osoite|adress|address|agentin|agent|handläggarens|handläggare|oma nimi|ditt namn|your name|allekirjoitus|signatur|signature|tuote|produkt|product|yritys|företag|company)(?![\p{L}\p{N}])/iu;
const BRACKET_FIELD = /(?:nimi|namn|name|numero|nummer|number|pvm|päivämäärä|datum|date|summa|belopp|amount|osoite|adress|address|e-post|sähköposti|email|puhelin|puhelinnumero|telefon|phone)$/iu;

/**
 * One pass over the text: the earliest tag wins, and a comment or raw block
 * swallows the tags inside it.
 */
const TAG = new RegExp(
  [
    String.raw`\{\{!--[\s\S]*?--\}\}`, // {{!-- comment --}}
    String.raw`\{\{~?![\s\S]*?\}\}`, // {{! comment }}
    String.raw`\{%-?\s*comment\s*-?%\}[\s\S]*?\{%-?\s*endcomment\s*-?%\}`, // {% comment %}…{% endcomment %}
    String.raw`\{%-?\s*raw\s*-?%\}[\s\S]*?\{%-?\s*endraw\s*-?%\}`, // {% raw %}…{% endraw %}
    String.raw`\{#[\s\S]*?#\}`, // {# Nunjucks comment #}
    String.raw`<!--[\s\S]*?-->`, // <!-- HTML comment -->
    String.raw`<\?(?:=|php\b)[\s\S]{0,300}?\?>`, // <?= $name ?>, <?php if ($x): ?> (PHP views)
    String.raw`%%[A-Za-z_][\w.]{0,60}%%`, // %%firstname%% (VuFind, Laminas mail templates)
    String.raw`\{\{\{~?[^{}]{1,200}?~?\}\}\}`, // {{{ raw value }}}
    String.raw`\{\{(?!\{)[^{}]{1,300}?\}\}`, // {{ tag }}
    String.raw`\{%[\s\S]{1,500}?%\}`, // {% tag %}
    String.raw`\*\|[A-Za-z0-9_:]{1,40}\|\*`, // *|FNAME|*
    String.raw`\$\{[A-Za-z_][^{}\n]{0,120}\}`, // ${name}, ${frontPageLink(Language.fi)} (JS, Kotlin)
    String.raw`[%#]\{[A-Za-z_][\w.]{0,60}\}`, // %{name} (Rails i18n), #{name} (Ruby)
    String.raw`\{\$[A-Za-z_][\w.\->\[\]'"]{0,60}\}`, // {$order_name} (Smarty)
    String.raw`\{(?:[A-Za-z]+[_.][\w.]*|[a-z]+[A-Z][A-Za-z]*|[A-Z][A-Z0-9]{1,40}|\d{1,2})\}`, // {shop_name}, {firstName}, {USERNAME} (phpBB), {0}; not "{kuukausi}"
    String.raw`(?<=^|[\s(]):[a-z][a-z0-9_]{0,30}(?![\p{L}\p{N}_])`, // :name, :param1 (Laravel)
    String.raw`(?<![\p{L}\p{N}%])%(?:\d\$)?[sd](?![\p{L}\p{N}])`, // %s, %1$s (printf, gettext)
    String.raw`<[\p{L}][\p{L}\p{N} _.-]{1,40}>`, // <name>, <Asiakkaan nimi>; HTML tags are told apart below
    String.raw`(?<![\p{L}\p{N}%])%[\p{Lu}_][\p{Lu}\p{N}_]{1,40}%(?![\p{L}\p{N}])`, // %NAME%, %ASIAKKAAN_NIMI%
    String.raw`(?<!\])\[[^\[\]\n]{2,42}\](?![(\[:])`, // [NIMI], [Asiakkaan nimi]; not Markdown links
  ].join('|'),
  'gu',
);

/** Finds the template tags of a text. Pure; offsets in UTF-16 code units. */
export function findTemplateSyntax(text: string): TemplateSyntax {
  const controls: Span[] = [];
  const placeholders: Span[] = [];
  if (!/[{%[$*<]/.test(text)) return { controls, placeholders };
  const directives = findDirectives(text);
  const isDirective = (start: number, end: number) => directives.some((d) => start < d.end && end > d.start);
  for (const match of text.matchAll(TAG)) {
    const tag = match[0];
    const start = match.index!;
    const end = start + tag.length;
    const span = classify(tag, start, end);
    if (!span) continue;
    if (span.kind === 'control') {
      // A directive comment stays: the directives module finds and blanks it.
      if (span.name === 'comment' && isDirective(start, end)) continue;
      controls.push(span.span);
    } else if (span.kind === 'raw') {
      controls.push(...span.spans);
    } else placeholders.push(span.span);
  }
  return { controls, placeholders };
}

type Classified = { kind: 'control' | 'placeholder'; name: string; span: Span } | { kind: 'raw'; name: string; spans: Span[] };

function classify(tag: string, start: number, end: number): Classified | null {
  const mk = (kind: 'control' | 'placeholder', syntax: TemplateSyntaxKind, name: string): Classified => ({ kind, name, span: { start, end, syntax, name } });
  if (tag.startsWith('<!--')) return mk('control', 'html', 'comment');
  if (tag.startsWith('<?')) {
    // <?= $name ?> and <?php echo $name ?> write text; any other PHP block (if, foreach, a comment) writes none.
    const inner = tag.slice(2, -2).replace(/^php\b/, '').trim();
    const echo = tag.startsWith('<?=') ? inner.slice(1).trim() : /^(?:echo|print)\b/.exec(inner) ? inner.replace(/^(?:echo|print)\s*/, '') : null;
    if (echo !== null) return mk('placeholder', 'php', echo.replace(/^\$/, '').replace(/\s*;?\s*$/, '').split(/[\s(]/)[0] || 'echo');
    return mk('control', 'php', (/^[a-z]+/i.exec(inner)?.[0] ?? 'php').toLowerCase());
  }
  if (tag.startsWith('%%')) return mk('placeholder', 'percent', tag.slice(2, -2));
  if (tag.startsWith(':')) return mk('placeholder', 'colon', tag.slice(1));
  if (tag.startsWith('{#')) return mk('control', 'nunjucks', 'comment');
  if (tag.startsWith('{{{')) return mk('placeholder', 'handlebars', variableName(tag.slice(3, -3)));
  if (tag.startsWith('{{')) {
    const inner = tag.slice(2, -2).replace(/^~|~$/g, '').trim();
    if (inner.startsWith('!')) return mk('control', 'handlebars', 'comment');
    const first = inner[0] ?? '';
    if (first === '#' || first === '^' || first === '/') {
      const keyword = inner.slice(1).trim().split(/\s+/)[0] ?? '';
      return mk('control', 'handlebars', `${first === '/' ? '/' : ''}${keyword || first}`);
    }
    if (/^else\b/.test(inner)) return mk('control', 'handlebars', 'else');
    if (first === '=' && inner.endsWith('=')) return mk('control', 'handlebars', 'delimiters');
    if (first === '>') return mk('placeholder', 'handlebars', inner.slice(1).trim().split(/\s+/)[0] ?? '');
    if (first === '&') return mk('placeholder', 'handlebars', variableName(inner.slice(1)));
    if (inner === '') return null;
    return mk('placeholder', 'handlebars', variableName(inner));
  }
  if (tag.startsWith('{%')) {
    const inner = tag.slice(2, -2).replace(/^-|-$/g, '').trim();
    const keyword = (inner.split(/\s+/)[0] ?? '').toLowerCase();
    if (keyword === 'comment') return mk('control', 'liquid', 'comment');
    if (keyword === 'raw') {
      // The raw tags are controls; the text between them is literal text.
      const open = /^\{%-?\s*raw\s*-?%\}/.exec(tag)![0];
      const close = /\{%-?\s*endraw\s*-?%\}$/.exec(tag)![0];
      return {
        kind: 'raw',
        name: 'raw',
        spans: [
          { start, end: start + open.length, syntax: 'liquid', name: 'raw' },
          { start: end - close.length, end, syntax: 'liquid', name: 'endraw' },
        ],
      };
    }
    // Help Scout's {%customer.firstName,fallback=there%} is a variable, not a tag.
    if (/^[a-z_][\w-]*(?:\.[\w-]+)+(?:,|$)/i.test(inner)) return mk('placeholder', 'liquid', inner.split(',')[0]!);
    if (TEXT_TAGS.has(keyword)) return mk('placeholder', 'liquid', inner.slice(keyword.length).trim().split(/\s+/)[0]?.replace(/^['"]|['"],?$/g, '') ?? keyword);
    return mk('control', 'liquid', keyword);
  }
  if (tag.startsWith('*|')) return mk('placeholder', 'merge-tag', tag.slice(2, -2));
  if (tag.startsWith('${')) return mk('placeholder', 'dollar', tag.slice(2, -1));
  if (tag.startsWith('%{') || tag.startsWith('#{')) return mk('placeholder', 'ruby', tag.slice(2, -1));
  if (tag.startsWith('{$')) return mk('placeholder', 'smarty', tag.slice(2, -1));
  if (tag.startsWith('{')) return mk('placeholder', 'brace', tag.slice(1, -1));
  if (/^%(?:\d\$)?[sd]$/.test(tag)) return mk('placeholder', 'printf', tag);
  if (tag.startsWith('<')) {
    // <name>, <ASIAKKAAN NIMI>: a field to fill, like a bracketed one; <p>, <strong>, <br /> are markup.
    const inner = tag.slice(1, -1).trim();
    return isFieldName(inner) && !HTML_ELEMENTS.has(inner.toLowerCase()) ? mk('placeholder', 'angle', inner) : null;
  }
  if (tag.startsWith('%')) return mk('placeholder', 'percent', tag.slice(1, -1));
  if (tag.startsWith('[')) {
    const inner = tag.slice(1, -1).trim();
    return isFieldName(inner) ? mk('placeholder', 'bracket', inner) : null;
  }
  return null;
}

/** Markup written in capitals in old mail templates (<BR>, <TD>), never a field. */
const HTML_ELEMENTS = new Set('br hr td tr th li ul ol dl dt dd em h1 h2 h3 h4 h5 h6 tt'.split(' '));

/** What a bracketed or angled field names: "NIMI", "ASIAKKAAN NIMI", "Asiakkaan nimi", "Kundens namn", "first name". */
function isFieldName(inner: string): boolean {
  if (inner.length < 2) return false;
  if (BRACKET_CAPS.test(inner) && /\p{Lu}.*\p{Lu}/u.test(inner)) return true;
  return inner.length <= 40 && inner.split(/\s+/).length <= 3 && (BRACKET_WORDS.test(inner) || BRACKET_FIELD.test(inner)) && !/[.!?]$/.test(inner);
}

/**
 * A placeholder written as one token in any common syntax: what stands where
 * a name will be ("Hei {{ user.firstName }},", "Hej %{name}!", "Hi {firstname},",
 * "Hei [NIMI]", "Bästa <namn>,", "Dear %s,"). Looser than findTemplateSyntax:
 * it judges one token in a known slot (after a greeting word, under a closing),
 * not running text.
 */
export const PLACEHOLDER_TOKEN =
  /^(?:%%[\p{L}_][\p{L}\p{N}_.]*%%|:[a-z][a-z0-9_]*|<\?=.*\?>|\{\{.*\}\}|\{%.*%\}|[$%#]?\{.*\}|\[.*\]|<[^@<>]+>|%[\p{Lu}_][\p{Lu}\p{N}_]*%|%(?:\d\$)?[sd]|\*\|[^|]+\|\*|\$[A-Za-z_]\w*)$/u;

/** Placeholders inside a line, whatever punctuation they hold ("{{ name | default: 'a, b' }}"). */
export const PLACEHOLDER_SPANS = /%%\w+%%|(?<=^|\s):[a-z][a-z0-9_]*|<\?=.*?\?>|\{\{.*?\}\}\}?|\{%.*?%\}|[$%#]?\{[^{}\n]*\}|\*\|[^|]*\|\*|%\w+%|%(?:\d\$)?[sd]|\[[^\]\n]{1,40}\]|<[^@<>\n]{1,40}>/g;

/** The text with every placeholder replaced by x's of the same length, so punctuation inside one is not read. */
export function maskPlaceholders(text: string): string {
  return text.replace(PLACEHOLDER_SPANS, (m) => 'x'.repeat(m.length));
}

/** "ticket.requester.first_name | capitalize" → "ticket.requester.first_name"; "formatDate date" → "formatDate". */
function variableName(inner: string): string {
  return inner.replace(/^~|~$/g, '').trim().split('|')[0]!.trim().split(/\s+/)[0] ?? '';
}

/** Replaces the controls with spaces (line breaks kept), so offsets stay those of the file. */
export function blankControls(text: string, syntax: TemplateSyntax = findTemplateSyntax(text)): string {
  return blankOut(text, syntax.controls);
}

/** Whether a span [start, end) touches a template tag (an insertion at an offset touches a tag it falls strictly inside). */
export function intersectsTemplate(syntax: TemplateSyntax, start: number, end: number): boolean {
  const hits = (s: Span) => (start === end ? start > s.start && start < s.end : start < s.end && end > s.start);
  return syntax.controls.some(hits) || syntax.placeholders.some(hits);
}

/**
 * Whether a file is a template: by its ending (.hbs, .handlebars, .mustache,
 * .liquid, .njk, .nunjucks) or by the config's `templates:` globs, matched
 * relative to `baseDir` (the config file's folder) as overrides are. The path
 * itself is the command line's, relative to the working folder, which may be a
 * subfolder of the config's. A member of a collection ("macros.yaml#Title") is
 * judged by its file.
 */
export function isTemplatePath(path: string, globs: readonly string[] = [], baseDir: string = process.cwd()): boolean {
  if (path === '-') return false;
  const file = fileOfPath(path);
  const ext = /\.([^./\\]+)$/.exec(file)?.[1]?.toLowerCase();
  if (ext && TEMPLATE_EXTENSIONS.includes(ext)) return true;
  if (globs.length === 0) return false;
  const rel = relative(baseDir, resolve(file)).split(sep).join('/');
  return globMatcher(globs)(rel);
}

const matchers = new Map<string, (path: string) => boolean>();

function globMatcher(globs: readonly string[]): (path: string) => boolean {
  const key = globs.join('\0');
  let match = matchers.get(key);
  if (!match) matchers.set(key, (match = picomatch([...globs], { dot: true })));
  return match;
}
