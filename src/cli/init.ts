/**
 * `aspalint init`: a commented starter `.aspalintrc.yaml`. It never
 * overwrites: an existing config (either name) is left as it is.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const STARTER_NAME = '.aspalintrc.yaml';
const CONFIG_NAMES = ['.aspalintrc.yaml', '.aspalintrc.yml'];

export interface StarterOptions {
  /** Globs of files linted as templates (besides .hbs, .mustache, .liquid, .njk). */
  templates?: string[];
}

/** The starter config's text: valid against schema/aspalintrc.schema.json, every setting explained. */
export function starterConfig(options: StarterOptions = {}): string {
  const templates = options.templates ?? ['templates/**/*.md', 'templates/**/*.txt'];
  const list = templates.map((g) => JSON.stringify(g)).join(', ');
  return `# yaml-language-server: $schema=./node_modules/aspalint/schema/aspalintrc.schema.json
#
# aspalint — reply-quality linter for Finnish and Swedish customer service.
# Every setting below is optional; delete what you do not need.
# Rules and what they flag: npx aspalint rules

# Language of the replies: auto (detected per reply), fi or sv.
language: auto

# Channel the replies are sent through: email, sms, chat or social.
# SMS and social posts get length limits; greeting and sign-off rules follow email.
channel: email

# Language of aspalint's own messages: fi, sv or en (default: the reply's).
# uiLang: fi

# Zone of the times in the HTML report (default: each mail's own, from its Date header).
# timeZone: Europe/Helsinki

# Files that are templates (Handlebars/Liquid/Mustache/Nunjucks files always are):
# placeholders such as {{ticket.requester.first_name}} or [Asiakkaan nimi] are
# accepted, and {% if %} / {{#if}} tags are not read as text.
templates: [${list}]

# Severity of a rule: off, info, warning or error; or { severity, weight, options }.
rules:
  # Canned phrases ("Kiitämme yhteydenotostanne", "Vi beklagar eventuella olägenheter").
  phrase/canned: warning
  # A generic greeting fails CI only if you want it to:
  # greeting/generic: error
  # SMS replies: allow three segments before warning.
  # channel/length: { severity: warning, options: { smsMaxSegments: 3 } }

# Your product and service names: a reply that names one is not vague.
# products: [Lumo Viihde, Fibernet 100]

# Your own phrases for a phrase rule, in base form (they match inflected forms).
# phrases:
#   phrase/canned:
#     fi:
#       - match: asiakaskokemuksemme parantaminen
#         suggest: [jotta palvelisimme sinua paremmin]

# Files not to lint.
ignore: ["node_modules/**", "drafts/**"]

# Settings by path, relative to this file.
# overrides:
#   - files: ["templates/sms/**"]
#     channel: sms

# A single finding can be silenced where it is, with a reason:
#   {{!-- aspalint-disable-next-line phrase/canned -- wording agreed with legal --}}
#   <!-- aspalint-disable-next-line format/all-caps -->
`;
}

/**
 * Writes the starter config into `dir` unless a config is already there.
 * Returns the config's path and whether it was created.
 */
export function writeStarter(dir: string, options: StarterOptions = {}): { path: string; created: boolean } {
  for (const name of CONFIG_NAMES) {
    const existing = join(dir, name);
    if (existsSync(existing)) return { path: existing, created: false };
  }
  const path = join(dir, STARTER_NAME);
  try {
    // "wx": fails if the file appeared meanwhile, so nothing is ever overwritten.
    writeFileSync(path, starterConfig(options), { flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return { path, created: false };
    throw err;
  }
  return { path, created: true };
}
