/**
 * What a config error says, in Finnish, Swedish and English. The validator (config.ts)
 * knows the problem and its line; this module knows the words. The YAML parser's and
 * the schema validator's own reasons are read by their codes and keywords and said
 * again; one of a kind not known here keeps the library's English inside our words.
 */
import type { Trilingual } from '../types.js';
import { t } from '../report/i18n.js';

const TEXT = {
  cannotRead: { fi: 'asetustiedostoa ei voi lukea: {reason}', sv: 'konfigurationen kan inte läsas: {reason}', en: 'cannot read config: {reason}' },
  invalidYaml: { fi: 'virheellistä YAMLia: {reason}', sv: 'ogiltig YAML: {reason}', en: 'invalid YAML: {reason}' },
  notMapping: {
    fi: 'asetusten pitää olla avain–arvo-pareja (asetus: arvo)',
    sv: 'konfigurationen ska bestå av nyckel–värde-par (inställning: värde)',
    en: 'the config must be a mapping of settings',
  },
  unknownSetting: { fi: 'tuntematon asetus "{path}"', sv: 'okänd inställning "{path}"', en: 'unknown setting "{path}"' },
  badValue: { fi: '{path}: {reason}', sv: '{path}: {reason}', en: '{path}: {reason}' },
  unknownTimeZone: {
    fi: 'tuntematon aikavyöhyke "{zone}" (IANA-nimi, kuten Europe/Helsinki, tai UTC)',
    sv: 'okänd tidszon "{zone}" (ett IANA-namn som Europe/Stockholm, eller UTC)',
    en: 'unknown time zone "{zone}" (an IANA name such as Europe/Helsinki, or UTC)',
  },
  noSuchOption: { fi: '{id}: ei valitsinta "{key}" ({known})', sv: '{id} har inget alternativ "{key}" ({known})', en: '{id} has no option "{key}" ({known})' },
  optionsAre: { fi: 'valitsimet: {list}', sv: 'alternativ: {list}', en: 'options: {list}' },
  noOptions: { fi: 'säännöllä ei ole valitsimia', sv: 'regeln har inga alternativ', en: 'it takes no options' },
  badOption: { fi: '{id}: valitsin "{key}": {reason}', sv: '{id}: alternativet "{key}" {reason}', en: '{id}: option "{key}" {reason}' },
  badPattern: { fi: 'playbookin "{name}" säännöllinen lauseke ei kelpaa: {reason}', sv: 'ogiltigt mönster i playbook "{name}": {reason}', en: 'invalid pattern in playbook "{name}": {reason}' },
  slowPattern: {
    fi: 'playbookin "{name}" lauseke voi viedä eksponentiaalisen ajan: {reason}',
    sv: 'mönstret i playbook "{name}" kan ta exponentiell tid: {reason}',
    en: 'pattern in playbook "{name}" could take exponential time: {reason}',
  },
  customIsBuiltin: {
    fi: 'omalla säännöllä "{id}" on sisäänrakennetun säännön tunnus',
    sv: 'den egna regeln "{id}" har samma id som en inbyggd regel',
    en: 'custom rule "{id}" has the id of a built-in rule',
  },
  unknownRule: { fi: 'tuntematon sääntö "{id}"', sv: 'okänd regel "{id}"', en: 'unknown rule id "{id}"' },
  didYouMean: { fi: ' (tarkoititko {id}?)', sv: ' (menade du {id}?)', en: ' (did you mean {id}?)' },
  phrasesNotPhraseRule: {
    fi: 'fraaseja voi lisätä vain fraasisääntöön tai omaan sääntöön, ei sääntöön "{id}"',
    sv: 'fraser kan bara läggas till en frasregel eller en egen regel, inte "{id}"',
    en: 'phrases can only be added to a phrase rule or a custom rule, not "{id}"',
  },
  ruleFlag: {
    fi: 'odotettiin TUNNUS=off|info|warning|error, saatiin "{flag}"',
    sv: 'väntade ID=off|info|warning|error, fick "{flag}"',
    en: 'expected ID=off|info|warning|error, got "{flag}"',
  },
  pluginNotFound: {
    fi: 'lisäosaa "{name}" ei löydy hakemistosta {dir}{hint}',
    sv: 'tillägget "{name}" hittas inte från {dir}{hint}',
    en: 'plugin "{name}" not found from {dir}{hint}',
  },
  pluginInstallHint: { fi: ' (npm install {name})', sv: ' (npm install {name})', en: ' (npm install {name})' },
  pluginBadName: {
    fi: 'lisäosa "{name}": paketin nimen pitää olla aspalint-plugin-<nimi> tai @scope/aspalint-plugin[-<nimi>], ei "{packageName}"',
    sv: 'tillägget "{name}": paketet ska heta aspalint-plugin-<namn> eller @scope/aspalint-plugin[-<namn>], inte "{packageName}"',
    en: 'plugin "{name}": its package is to be named aspalint-plugin-<name> or @scope/aspalint-plugin[-<name>], not "{packageName}"',
  },
  pluginBuiltinNamespace: {
    fi: 'lisäosa "{name}": sen nimiavaruus "{namespace}" on aspalintin oma sääntöluokka',
    sv: 'tillägget "{name}": dess namnrymd "{namespace}" är en av aspalints egna regelkategorier',
    en: 'plugin "{name}": its namespace "{namespace}" is one of aspalint\'s own rule categories',
  },
  pluginLoadFailed: {
    fi: 'lisäosan "{name}" lataus epäonnistui: {reason}',
    sv: 'tillägget "{name}" kunde inte laddas: {reason}',
    en: 'plugin "{name}" failed to load: {reason}',
  },
  pluginNoObject: {
    fi: 'lisäosa "{name}" ei vie oliota, jossa on tarkistuksia ja muotoilijoita',
    sv: 'tillägget "{name}" exporterar inget objekt med kontroller och formaterare',
    en: 'plugin "{name}" exports no object with checks and formatters',
  },
  pluginNotTable: {
    fi: 'lisäosa "{name}": {what} pitää olla olio, jonka arvot ovat funktioita',
    sv: 'tillägget "{name}": {what} ska vara ett objekt med funktioner',
    en: 'plugin "{name}": {what} must be an object of functions',
  },
  pluginNotFunction: {
    fi: 'lisäosa "{name}": {what}["{key}"] ei ole funktio',
    sv: 'tillägget "{name}": {what}["{key}"] är ingen funktion',
    en: 'plugin "{name}": {what}["{key}"] is not a function',
  },
  pluginRuleFile: { fi: 'lisäosa "{name}": {reason}', sv: 'tillägget "{name}": {reason}', en: 'plugin "{name}": {reason}' },
  pluginPhraseNoMatch: {
    fi: 'lisäosa "{name}": {id} phrases.{lang} #{n} tarvitsee match-lausekkeen',
    sv: 'tillägget "{name}": {id} phrases.{lang} #{n} behöver ett match-mönster',
    en: 'plugin "{name}": {id} phrases.{lang} #{n} needs a match pattern',
  },
  pluginRuleWithoutCheck: {
    fi: 'lisäosa "{name}": säännöllä {id} ei ole fraaseja, eikä lisäosa vie sille tarkistusta',
    sv: 'tillägget "{name}": regeln {id} har inga fraser och tillägget exporterar ingen kontroll för den',
    en: 'plugin "{name}": rule {id} has no phrases and the plugin exports no check for it',
  },
  pluginCheckWithoutRule: {
    fi: 'lisäosa "{name}": tarkistukselle "{id}" ei ole sääntötiedostoa ({file})',
    sv: 'tillägget "{name}": kontrollen "{id}" har ingen regelfil ({file})',
    en: 'plugin "{name}": check "{id}" has no rule file ({file})',
  },
  pluginSharedNamespace: {
    fi: 'kahdella lisäosalla on sama nimiavaruus "{namespace}"',
    sv: 'två tillägg har samma namnrymd "{namespace}"',
    en: 'two plugins share the namespace "{namespace}"',
  },
} satisfies Record<string, Trilingual>;

export type ConfigTextKey = keyof typeof TEXT;

/** A message in the three languages, its data (which may itself be trilingual) filled in. */
export function configText(key: ConfigTextKey, data: Record<string, string | number | Trilingual> = {}): Trilingual {
  const out = {} as Trilingual;
  for (const lang of ['fi', 'sv', 'en'] as const) {
    const values = Object.fromEntries(Object.entries(data).map(([k, v]) => [k, typeof v === 'object' ? v[lang] : v]));
    out[lang] = t(TEXT[key], lang, values);
  }
  return out;
}

const same = (text: string): Trilingual => ({ fi: text, sv: text, en: text });

/** The YAML parser's reasons people meet most (a wrong indent, a tab, an unclosed quote or bracket). */
const YAML_REASONS: { code: string; match?: RegExp; text: Omit<Trilingual, 'en'> }[] = [
  { code: 'BAD_INDENT', match: /^All mapping items must start at the same column/, text: { fi: 'rivin sisennys ei vastaa yläpuolisten asetusten sisennystä', sv: 'radens indrag stämmer inte med inställningarna ovanför' } },
  { code: 'BAD_INDENT', match: /^All sequence items must start at the same column/, text: { fi: 'luettelon kohtien pitää alkaa samasta sarakkeesta', sv: 'listans punkter ska börja i samma kolumn' } },
  { code: 'BAD_INDENT', match: /^Flow sequence .*end with a \]/, text: { fi: 'hakasulkeella [ alkava luettelo jää sulkematta (puuttuu ])', sv: 'listan som börjar med [ stängs inte (] saknas)' } },
  { code: 'BAD_INDENT', match: /^Flow map .*end with a \}/, text: { fi: 'aaltosulkeella { alkava kartta jää sulkematta (puuttuu })', sv: 'mappningen som börjar med { stängs inte (} saknas)' } },
  { code: 'BAD_INDENT', text: { fi: 'sisennys on väärin', sv: 'indraget är fel' } },
  { code: 'TAB_AS_INDENT', text: { fi: 'sisennyksessä on sarkain; käytä välilyöntejä', sv: 'indraget har en tabb; använd mellanslag' } },
  { code: 'MISSING_CHAR', match: /quote/, text: { fi: 'lainausmerkki jää sulkematta', sv: 'citattecknet stängs inte' } },
  { code: 'MISSING_CHAR', match: /\]/, text: { fi: 'luettelosta puuttuu ]', sv: 'listan saknar ]' } },
  { code: 'MISSING_CHAR', match: /\}/, text: { fi: 'kartasta puuttuu }', sv: 'mappningen saknar }' } },
  { code: 'DUPLICATE_KEY', text: { fi: 'sama avain on kahdesti', sv: 'samma nyckel finns två gånger' } },
  {
    code: 'BLOCK_AS_IMPLICIT_KEY',
    text: { fi: 'rivillä on kaksi kaksoispistettä: lainaa arvo ("…"), jos siinä on kaksoispiste', sv: 'raden har två kolon: citera värdet ("…") om det innehåller ett kolon' },
  },
  { code: 'MULTILINE_IMPLICIT_KEY', text: { fi: 'avaimen pitää olla yhdellä rivillä (puuttuuko kaksoispiste?)', sv: 'nyckeln ska stå på en rad (saknas ett kolon?)' } },
  { code: 'MULTIPLE_DOCS', text: { fi: 'tiedostossa saa olla vain yksi YAML-dokumentti (---)', sv: 'filen får bara ha ett YAML-dokument (---)' } },
];

/** The YAML parser's reason for an error, in the three languages (English: the parser's own words). */
export function yamlReason(code: string, message: string): Trilingual {
  const known = YAML_REASONS.find((r) => r.code === code && (!r.match || r.match.test(message)));
  return known ? { ...known.text, en: message } : same(message);
}

const TYPE_NAMES: Record<string, Trilingual> = {
  string: { fi: 'teksti', sv: 'text', en: 'string' },
  number: { fi: 'luku', sv: 'ett tal', en: 'number' },
  integer: { fi: 'kokonaisluku', sv: 'ett heltal', en: 'integer' },
  boolean: { fi: 'true tai false', sv: 'true eller false', en: 'boolean' },
  array: { fi: 'luettelo', sv: 'en lista', en: 'array' },
  object: { fi: 'avain–arvo-pareja', sv: 'nyckel–värde-par', en: 'object' },
  null: { fi: 'tyhjä', sv: 'tomt', en: 'null' },
};

export interface SchemaError {
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

/**
 * A JSON Schema validator's (ajv's) reason, in the three languages: "must be integer" →
 * "pitää olla kokonaisluku". English keeps ajv's words, with the allowed values of an enum.
 */
export function schemaReason(error: SchemaError): Trilingual {
  const p = error.params;
  const english = `${error.message ?? 'is invalid'}${Array.isArray(p.allowedValues) ? ` (${p.allowedValues.join(', ')})` : ''}`;
  const with_ = (fi: string, sv: string): Trilingual => ({ fi, sv, en: english });
  switch (error.keyword) {
    case 'type': {
      const types = String(p.type).split(',').map((x) => TYPE_NAMES[x] ?? same(x));
      return with_(`pitää olla ${types.map((x) => x.fi).join(' tai ')}`, `ska vara ${types.map((x) => x.sv).join(' eller ')}`);
    }
    case 'enum': {
      const list = (p.allowedValues as unknown[]).join(', ');
      return with_(`pitää olla jokin näistä: ${list}`, `ska vara något av: ${list}`);
    }
    case 'minimum':
    case 'exclusiveMinimum':
    case 'maximum':
    case 'exclusiveMaximum': {
      const [fi, sv] = { '>=': ['vähintään', 'minst'], '>': ['suurempi kuin', 'större än'], '<=': ['enintään', 'högst'], '<': ['pienempi kuin', 'mindre än'] }[String(p.comparison)] ?? ['', ''];
      return fi ? with_(`pitää olla ${fi} ${p.limit}`, `ska vara ${sv} ${p.limit}`) : same(english);
    }
    case 'minLength':
      return p.limit === 1 ? with_('ei saa olla tyhjä', 'får inte vara tomt') : with_(`pitää olla vähintään ${p.limit} merkkiä`, `ska ha minst ${p.limit} tecken`);
    case 'minItems':
      return p.limit === 1 ? with_('luettelo ei saa olla tyhjä', 'listan får inte vara tom') : with_(`luettelossa pitää olla vähintään ${p.limit} kohtaa`, `listan ska ha minst ${p.limit} punkter`);
    case 'required':
      return with_(`"${p.missingProperty}" puuttuu`, `"${p.missingProperty}" saknas`);
    case 'pattern':
      return with_(`ei ole oikeaa muotoa (${p.pattern})`, `har fel form (${p.pattern})`);
    default:
      return same(english);
  }
}
