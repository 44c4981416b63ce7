import type { InputError, InputErrorCode, Lang, UiLang } from '../types.js';

/** One text in each language the tool speaks. */
export type Strings = Record<UiLang, string>;

/** The tool's own words, in Finnish, Swedish and English. */
export const UI = {
  error: { fi: 'virhe', sv: 'fel', en: 'error' },
  warning: { fi: 'varoitus', sv: 'varning', en: 'warning' },
  info: { fi: 'vihje', sv: 'tips', en: 'info' },
  score: { fi: 'pisteet', sv: 'poäng', en: 'score' },
  clean: { fi: 'Ei huomautettavaa.', sv: 'Inget att anmärka.', en: 'No problems.' },
  suggestion: { fi: 'ehdotus', sv: 'förslag', en: 'suggestion' },
  suppressed: { fi: 'vaiennettu', sv: 'undertryckta', en: 'suppressed' },
  inputErrors: { fi: 'syötevirhettä', sv: 'indatafel', en: 'input errors' },
  tooManyWarnings: {
    fi: 'Varoituksia on {count}, enintään sallitaan {max} (--max-warnings).',
    sv: 'Det finns {count} varningar, högst {max} tillåts (--max-warnings).',
    en: 'Found {count} warnings, more than the {max} allowed (--max-warnings).',
  },
  scoreOver: {
    fi: '{path}: pisteet {score} ylittävät rajan {max} (--max-score).',
    sv: '{path}: poängen {score} överstiger gränsen {max} (--max-score).',
    en: '{path}: score {score} is over the limit of {max} (--max-score).',
  },
  fileIgnored: {
    fi: 'Tiedosto ohitettiin, koska se vastaa ignore-mallia. Tarkista se valitsimella --no-ignore.',
    sv: 'Filen hoppades över eftersom den matchar ett ignore-mönster. Granska den med --no-ignore.',
    en: 'File ignored because of a matching ignore pattern. Use "--no-ignore" to lint it.',
  },
  initCreated: { fi: 'luotiin {path}', sv: 'skapade {path}', en: 'created {path}' },
  initExists: { fi: '{path} on jo olemassa, eikä sitä muutettu', sv: '{path} finns redan och lämnades orörd', en: '{path} exists, left as it is' },
  jobsClamped: {
    fi: '-j {requested} on liikaa: käytetään {max} säiettä ({cores} ydintä × 4)',
    sv: '-j {requested} är för många: {max} trådar används ({cores} kärnor × 4)',
    en: '-j {requested} is too many: using {max} threads ({cores} cores × 4)',
  },
  agentsInferred: {
    fi: '{path}: yrityksen puoli pääteltiin otsakkeista: {agents} ({reason}); muuta valitsimella --agents',
    sv: '{path}: företagets sida slöts av rubrikerna: {agents} ({reason}); ändra med --agents',
    en: '{path}: the company side inferred from the headers: {agents} ({reason}); --agents says otherwise',
  },
  agentsAnswer: { fi: 'vastaa {n} eri lähettäjälle', sv: 'svarar {n} olika avsändare', en: 'answers {n} different senders' },
  agentsAnswerOne: { fi: 'vastaa 1 lähettäjälle', sv: 'svarar 1 avsändare', en: 'answers 1 sender' },
  agentsMost: { fi: 'lähettää suurimman osan viesteistä', sv: 'skickar de flesta meddelandena', en: 'sends most of the mail' },
  noAgents: {
    fi: '{path}: arkistosta ei näe, mitkä viestit ovat yrityksen vastauksia; kerro se: --agents @yritys.fi (tai archive.agents asetuksissa)',
    sv: '{path}: arkivet visar inte vilka meddelanden som är företagets svar; ange det: --agents @foretag.se (eller archive.agents i konfigurationen)',
    en: "{path}: the archive does not show which mails are the company's replies; name the sender: --agents @company.com (or archive.agents in the config)",
  },
  fixOnStdin: {
    fi: '--fix ja --fix-dry-run korjaavat tiedostoja, eivät vakiosyötettä',
    sv: '--fix och --fix-dry-run rättar filer, inte standard in',
    en: '--fix and --fix-dry-run work on files, not on stdin',
  },
  outputIsInput: {
    fi: '{file}: tulostiedosto on myös syöte; valitse toinen -o-tiedosto',
    sv: '{file}: utdatafilen är också indata; välj en annan -o-fil',
    en: '{file}: the output file is also an input; choose another -o file',
  },
  cannotWrite: { fi: '{file}: ei voi kirjoittaa ({code})', sv: '{file}: kan inte skrivas ({code})', en: '{file}: cannot write ({code})' },
  unknownFormat: {
    fi: 'tuntematon muoto "{name}": {choices}, paketti {package} tai polku muotoilijamoduuliin',
    sv: 'okänt format "{name}": {choices}, ett paket {package} eller en sökväg till en formaterarmodul',
    en: 'unknown format "{name}": {choices}, a package {package}, or a path to a formatter module',
  },
  cacheUnreadable: {
    fi: '{path}: välimuistia ei voi lukea ({reason}), se ohitetaan ja kirjoitetaan uudelleen',
    sv: '{path}: cachen kan inte läsas ({reason}), den förbigås och skrivs om',
    en: '{path}: cannot read the cache ({reason}), ignoring it and writing it anew',
  },
  cacheNotWritten: {
    fi: '{path}: välimuistia ei voitu kirjoittaa ({reason}); tulokset ovat silti oikein',
    sv: '{path}: cachen kunde inte skrivas ({reason}); resultaten är ändå riktiga',
    en: '{path}: the cache could not be written ({reason}); the results are right all the same',
  },
  unusedDirectiveFlags: {
    fi: '--report-unused-disable-directives ja --report-unused-disable-directives-severity eivät käy yhdessä: valitse toinen',
    sv: '--report-unused-disable-directives och --report-unused-disable-directives-severity går inte att använda tillsammans: välj en',
    en: '--report-unused-disable-directives and --report-unused-disable-directives-severity cannot be used together: choose one',
  },
  unusedDirective: {
    fi: 'Tarpeeton aspalint-kommentti: se ei vaienna mitään',
    sv: 'Onödig aspalint-kommentar: den tystar ingenting',
    en: 'Unused aspalint-disable directive: it silences nothing',
  },
  unusedDirectiveIds: {
    fi: 'Tarpeeton aspalint-kommentti (ei huomautuksia tässä: {ids})',
    sv: 'Onödig aspalint-kommentar (inga anmärkningar här: {ids})',
    en: 'Unused aspalint-disable directive (no findings of {ids} here)',
  },
  noInput: {
    fi: 'ei syötettä: anna tiedostoja tai putkita vastaus (aspalint -)',
    sv: 'ingen indata: ange filer eller skicka ett svar via en pipe (aspalint -)',
    en: 'no input: give files or pipe a reply (aspalint -)',
  },
  wholeNumber: {
    fi: '--{name}: odotettiin kokonaislukua {min}–{max}, saatiin "{value}"',
    sv: '--{name}: väntade ett heltal från {min} till {max}, fick "{value}"',
    en: '--{name}: expected a whole number from {min} to {max}, got "{value}"',
  },
  cannotListen: {
    fi: 'ei voi kuunnella osoitteessa {host}:{port}: {reason}',
    sv: 'kan inte lyssna på {host}:{port}: {reason}',
    en: 'cannot listen on {host}:{port}: {reason}',
  },
  portInUse: { fi: 'portti on jo käytössä', sv: 'porten används redan', en: 'the port is in use' },
  noSuchAddress: { fi: 'tällä koneella ei ole sellaista osoitetta', sv: 'adressen finns inte på den här datorn', en: 'no such address here' },
  listening: {
    fi: 'aspalint serve: kuuntelee osoitteessa {url} (asetukset: {config})',
    sv: 'aspalint serve: lyssnar på {url} (konfiguration: {config})',
    en: 'aspalint serve: listening on {url} (config: {config})',
  },
  noConfig: { fi: 'ei asetustiedostoa', sv: 'ingen konfigurationsfil', en: 'none' },
} satisfies Record<string, Strings>;

const INPUT_ERRORS: Record<InputErrorCode, Strings> = {
  'not-found': { fi: 'tiedostoa tai kansiota ei ole', sv: 'filen eller mappen finns inte', en: 'no such file or directory' },
  'not-a-file': {
    fi: 'ei tavallinen tiedosto (putki tai laite), ei luettu',
    sv: 'inte en vanlig fil (en pipe eller enhet), lästes inte',
    en: 'not a regular file (a pipe or device), not read',
  },
  permission: { fi: 'lukuoikeus puuttuu', sv: 'läsbehörighet saknas', en: 'permission denied' },
  unreadable: { fi: 'ei voi lukea ({reason})', sv: 'kan inte läsas ({reason})', en: 'cannot read ({reason})' },
  binary: { fi: 'binääritiedosto, ei tekstiä', sv: 'binärfil, inte text', en: 'binary file, not text' },
  'not-utf8': { fi: 'ei kelvollista UTF-8-tekstiä', sv: 'inte giltig UTF-8-text', en: 'not valid UTF-8 text' },
  'legacy-encoding': {
    fi: 'ei UTF-8:aa (näyttää ISO-8859-1:ltä tai Windows-1252:lta); muunna: iconv -f WINDOWS-1252 -t UTF-8',
    sv: 'inte UTF-8 (ser ut som ISO-8859-1 eller Windows-1252); konvertera: iconv -f WINDOWS-1252 -t UTF-8',
    en: 'not UTF-8 (looks like ISO-8859-1 or Windows-1252); convert it: iconv -f WINDOWS-1252 -t UTF-8',
  },
  empty: { fi: 'tyhjä syöte, ei tarkistettavaa', sv: 'tom indata, inget att granska', en: 'empty input, nothing to lint' },
  'too-large': {
    fi: '{size} Mt on liian suuri yhdeksi vastaukseksi (raja {limit} Mt)',
    sv: '{size} MB är för stort för ett svar (gräns {limit} MB)',
    en: '{size} MB is too large for one reply (limit {limit} MB)',
  },
  'no-match': { fi: 'mikään tiedosto ei vastaa hakua', sv: 'inga filer matchar mönstret', en: 'no files match this pattern' },
  'no-files': {
    fi: 'kansiossa ei ole vastaustiedostoja ({extensions})',
    sv: 'mappen innehåller inga svarsfiler ({extensions})',
    en: 'no reply files in this directory ({extensions})',
  },
  'no-stdin': { fi: 'vakiosyöte ei ole käytettävissä', sv: 'standard in är inte tillgänglig', en: 'stdin is not available' },
  'bad-json': { fi: 'rivi ei ole kelvollista JSONia ({reason})', sv: 'raden är inte giltig JSON ({reason})', en: 'not valid JSON ({reason})' },
  'bad-mime': {
    fi: 'viesti ei ole luettavaa MIME-sähköpostia ({reason})',
    sv: 'meddelandet är inte läsbar MIME-e-post ({reason})',
    en: 'not a readable MIME message ({reason})',
  },
  truncated: {
    fi: 'viesti on katkennut: MIME-osan "{boundary}" loppurajaa ei ole',
    sv: 'meddelandet är avkortat: MIME-delen "{boundary}" saknar slutgräns',
    en: 'message is truncated: MIME part "{boundary}" has no closing boundary',
  },
  'bad-charset': {
    fi: 'teksti ei ole ilmoitetussa merkistössä ({charset}), ääkköset menisivät sekaisin ({reason})',
    sv: 'texten är inte i den angivna teckenkodningen ({charset}), å, ä och ö skulle bli fel ({reason})',
    en: 'text is not in its declared charset ({charset}) and would come out garbled ({reason})',
  },
  'no-body': {
    fi: 'viestissä ei ole tekstiä (liitteitä: {attachments})',
    sv: 'meddelandet har ingen text (bilagor: {attachments})',
    en: 'message has no text body (attachments: {attachments})',
  },
  'not-mbox': {
    fi: 'ei mbox-tiedosto: ensimmäinen rivi ei ala "From "',
    sv: 'inte en mbox-fil: första raden börjar inte med "From "',
    en: 'not an mbox file: the first line does not start with "From "',
  },
  'bad-column': {
    fi: 'sarake "{column}" ({field}) puuttuu; sarakkeet: {columns}',
    sv: 'kolumnen "{column}" ({field}) saknas; kolumner: {columns}',
    en: 'column "{column}" ({field}) is missing; columns: {columns}',
  },
  'bad-row': {
    fi: 'taulukon rivillä {row} on {fields} kenttää, otsikkorivillä {expected}',
    sv: 'rad {row} i tabellen har {fields} fält, rubrikraden {expected}',
    en: 'row {row} has {fields} fields, the header row {expected}',
  },
  'bad-quote': {
    fi: 'taulukon rivillä {row} on lainausmerkki, jota ei suljeta; rivi ohitettiin',
    sv: 'rad {row} i tabellen har ett citattecken som inte stängs; raden hoppades över',
    en: 'row {row} has a quote that is never closed; the row was skipped',
  },
  'bad-yaml': { fi: 'ei kelvollista YAMLia ({reason})', sv: 'inte giltig YAML ({reason})', en: 'not valid YAML ({reason})' },
  'no-collection': {
    fi: 'vastauspohjien luetteloa ei löydy (list: "{list}")',
    sv: 'ingen lista med svarsmallar (list: "{list}")',
    en: 'no list of replies found (list: "{list}")',
  },
  'not-fixable': {
    fi: 'ei korjattavissa tässä muodossa ({format}), vain tarkistettu',
    sv: 'kan inte rättas i det här formatet ({format}), bara granskad',
    en: 'not fixable in this format ({format}), linted only',
  },
  'not-written': {
    fi: 'korjauksia ei voitu kirjoittaa ({reason}), tiedosto jätettiin ennalleen',
    sv: 'rättelserna kunde inte skrivas ({reason}), filen lämnades orörd',
    en: 'fixes could not be written ({reason}), the file is left as it was',
  },
  'changed-since-read': {
    fi: 'tiedosto muuttui korjaamisen aikana, sitä ei korjattu (aja --fix uudelleen)',
    sv: 'filen ändrades medan den rättades och rättades inte (kör --fix igen)',
    en: 'the file changed while it was being fixed and was not fixed (run --fix again)',
  },
  'bad-record': {
    fi: 'kenttä "{field}" puuttuu tai on virheellinen',
    sv: 'fältet "{field}" saknas eller är felaktigt',
    en: 'field "{field}" is missing or invalid',
  },
};

type Forms = Record<UiLang, [one: string, many: string]>;

/** Nouns after a number: Finnish takes the nominative for 1 and the partitive otherwise ("1 tiedosto", "2 tiedostoa"). */
export const NOUNS = {
  problem: { fi: ['huomautus', 'huomautusta'], sv: ['anmärkning', 'anmärkningar'], en: ['problem', 'problems'] },
  error: { fi: ['virhe', 'virhettä'], sv: ['fel', 'fel'], en: ['error', 'errors'] },
  warning: { fi: ['varoitus', 'varoitusta'], sv: ['varning', 'varningar'], en: ['warning', 'warnings'] },
  info: { fi: ['vihje', 'vihjettä'], sv: ['tips', 'tips'], en: ['info', 'info'] },
  file: { fi: ['tiedosto', 'tiedostoa'], sv: ['fil', 'filer'], en: ['file', 'files'] },
  reply: { fi: ['vastaus', 'vastausta'], sv: ['svar', 'svar'], en: ['reply', 'replies'] },
} satisfies Record<string, Forms>;

/** "1 tiedosto", "3 filer", "0 errors". */
export function count(n: number, noun: keyof typeof NOUNS, lang: UiLang): string {
  const [one, many] = NOUNS[noun][lang];
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * The summary line's counts: "1 huomautus (1 virhe, 0 varoitusta) · 1 tiedosto".
 * Members of archives and exports are replies, not files.
 */
export function summaryCounts(s: { findings: number; errors: number; warnings: number; infos: number; files: number }, lang: UiLang, unit: 'file' | 'reply' = 'file'): { findings: string; files: string } {
  const parts = [count(s.errors, 'error', lang), count(s.warnings, 'warning', lang)];
  if (s.infos > 0) parts.push(count(s.infos, 'info', lang));
  return { findings: `${count(s.findings, 'problem', lang)} (${parts.join(', ')})`, files: count(s.files, unit, lang) };
}

export function t(strings: Strings, lang: UiLang, data: Record<string, string | number> = {}): string {
  return strings[lang].replace(/\{(\w+)\}/g, (whole, key: string) => (key in data ? String(data[key]) : whole));
}

/** A truncated mbox member says where it was cut (`detail.cut`); a MIME part without its closing boundary names the boundary. */
const TRUNCATED: Record<string, Strings> = {
  headers: {
    fi: 'viesti on katkennut: tiedosto loppuu kesken otsakkeiden',
    sv: 'meddelandet är avkortat: filen tar slut mitt i rubrikerna',
    en: 'message is truncated: the file ends inside its headers',
  },
  'content-length': {
    fi: 'viesti on katkennut: Content-Length on {length} tavua, viestissä on {got}',
    sv: 'meddelandet är avkortat: Content-Length anger {length} byte, meddelandet har {got}',
    en: 'message is truncated: Content-Length says {length} bytes, the message has {got}',
  },
};

/** What went wrong with an input, without its path (for formats that carry the path in a field of its own). */
export function inputErrorText(error: InputError, lang: UiLang): string {
  const cut = error.code === 'truncated' ? error.detail?.cut : undefined;
  const strings = (typeof cut === 'string' ? TRUNCATED[cut] : undefined) ?? INPUT_ERRORS[error.code];
  return t(strings, lang, error.detail ?? {});
}

export function inputErrorMessage(error: InputError, lang: UiLang): string {
  return `${error.path}: ${inputErrorText(error, lang)}`;
}

/** The UI language when none is set: the replies' most common language, else the locale. */
export function defaultUiLang(languages: Lang[], env: NodeJS.ProcessEnv = process.env): UiLang {
  const counts: Record<string, number> = {};
  for (const l of languages) if (l === 'fi' || l === 'sv' || l === 'en') counts[l] = (counts[l] ?? 0) + 1;
  const best = Object.entries(counts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
  if (best) return best[0] as UiLang;
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  if (/^fi/i.test(locale)) return 'fi';
  if (/^sv/i.test(locale)) return 'sv';
  return 'en';
}
