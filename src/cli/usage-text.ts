/**
 * Commander's usage errors in the UI language. Commander builds its messages in
 * English and hands them over formatted (CommanderError: a code and the text), so
 * each is read back by its code and the shape commander gives it, and said again in
 * Finnish or Swedish. A message of a shape not known here (a commander upgrade) is
 * passed on as commander wrote it, never lost. One line: commander's "(Did you mean
 * …?)" on a line of its own is joined to the message.
 */
import type { UiLang } from '../types.js';
import { t, type Strings } from '../report/i18n.js';

const TEXT = {
  unknownOption: { fi: "tuntematon valitsin '{flag}'", sv: "okänd flagga '{flag}'", en: "unknown option '{flag}'" },
  unknownCommand: { fi: "tuntematon komento '{name}'", sv: "okänt kommando '{name}'", en: "unknown command '{name}'" },
  didYouMean: { fi: ' (tarkoititko {what}?)', sv: ' (menade du {what}?)', en: ' (did you mean {what}?)' },
  oneOf: { fi: 'jotakin näistä: {list}', sv: 'någon av {list}', en: 'one of {list}' },
  optionMissingArgument: { fi: "valitsimelta '{flags}' puuttuu arvo", sv: "flaggan '{flags}' saknar värde", en: "option '{flags}' argument missing" },
  missingArgument: { fi: "argumentti '{name}' puuttuu", sv: "argumentet '{name}' saknas", en: "missing required argument '{name}'" },
  missingMandatory: { fi: "valitsin '{flags}' on pakollinen", sv: "flaggan '{flags}' krävs", en: "required option '{flags}' not specified" },
  invalidOption: {
    fi: "valitsimen '{flags}' arvo '{value}' ei kelpaa: {reason}",
    sv: "värdet '{value}' för flaggan '{flags}' är ogiltigt: {reason}",
    en: "option '{flags}' argument '{value}' is invalid. {reason}",
  },
  invalidCommandArgument: {
    fi: "argumentin '{name}' arvo '{value}' ei kelpaa: {reason}",
    sv: "värdet '{value}' för argumentet '{name}' är ogiltigt: {reason}",
    en: "command-argument value '{value}' is invalid for argument '{name}'. {reason}",
  },
  excessArguments: {
    fi: 'liikaa argumentteja{for}: odotettiin {expected}, annettiin {got}',
    sv: 'för många argument{for}: {expected} väntades, {got} gavs',
    en: 'too many arguments{for}. Expected {expected} argument{s} but got {got}.',
  },
  excessFor: { fi: " komennolle '{name}'", sv: " till '{name}'", en: " for '{name}'" },
  choices: { fi: 'sallitut arvot ovat {list}', sv: 'tillåtna värden är {list}', en: 'Allowed choices are {list}.' },
} satisfies Record<string, Strings>;

/** The reasons our own argument parsers give (options.ts), in English as commander shows them. */
const REASONS: Record<string, Strings> = {
  'expected a whole number.': { fi: 'pitää olla kokonaisluku', sv: 'ska vara ett heltal', en: 'expected a whole number.' },
  'expected at least 1.': { fi: 'pitää olla vähintään 1', sv: 'ska vara minst 1', en: 'expected at least 1.' },
  'expected an IANA time zone such as Europe/Helsinki, or UTC.': {
    fi: 'pitää olla IANA-aikavyöhyke, kuten Europe/Helsinki, tai UTC',
    sv: 'ska vara en IANA-tidszon, till exempel Europe/Stockholm, eller UTC',
    en: 'expected an IANA time zone such as Europe/Helsinki, or UTC.',
  },
};

function reason(text: string, lang: UiLang): string {
  if (lang === 'en') return text;
  const choices = /^Allowed choices are (.*)\.$/s.exec(text);
  if (choices) return t(TEXT.choices, lang, { list: choices[1]! });
  return REASONS[text]?.[lang] ?? text;
}

/** "--format" / "one of --format, --formt" in the UI language. */
function suggestion(what: string | undefined, lang: UiLang): string {
  if (!what) return '';
  const list = /^one of (.*)$/.exec(what);
  return t(TEXT.didYouMean, lang, { what: list ? t(TEXT.oneOf, lang, { list: list[1]! }) : what });
}

/** A CommanderError's message, without commander's "error: ", in the UI language and on one line. */
export function usageMessage(err: { code: string; message: string }, lang: UiLang): string {
  const message = err.message.replace(/^error: /, '');
  const joined = message.replace(/\n+/g, ' ').trim();
  const said = (key: keyof typeof TEXT, data: Record<string, string | number>) => t(TEXT[key], lang, data);
  let m: RegExpExecArray | null;
  switch (err.code) {
    case 'commander.unknownOption':
      if ((m = /^unknown option '(.*?)'(?:\n\(Did you mean (.*)\?\))?$/s.exec(message))) return said('unknownOption', { flag: m[1]! }) + suggestion(m[2], lang);
      break;
    case 'commander.unknownCommand':
      if ((m = /^unknown command '(.*?)'(?:\n\(Did you mean (.*)\?\))?$/s.exec(message))) return said('unknownCommand', { name: m[1]! }) + suggestion(m[2], lang);
      break;
    case 'commander.optionMissingArgument':
      if ((m = /^option '(.*)' argument missing$/s.exec(message))) return said('optionMissingArgument', { flags: m[1]! });
      break;
    case 'commander.missingArgument':
      if ((m = /^missing required argument '(.*)'$/s.exec(message))) return said('missingArgument', { name: m[1]! });
      break;
    case 'commander.missingMandatoryOptionValue':
      if ((m = /^required option '(.*)' not specified$/s.exec(message))) return said('missingMandatory', { flags: m[1]! });
      break;
    case 'commander.invalidArgument':
      if ((m = /^option '(.*?)' argument '(.*)' is invalid\. (.*)$/s.exec(message))) return said('invalidOption', { flags: m[1]!, value: m[2]!, reason: reason(m[3]!, lang) });
      if ((m = /^command-argument value '(.*)' is invalid for argument '(.*?)'\. (.*)$/s.exec(message))) {
        return said('invalidCommandArgument', { value: m[1]!, name: m[2]!, reason: reason(m[3]!, lang) });
      }
      break;
    case 'commander.excessArguments':
      if ((m = /^too many arguments(?: for '(.*)')?\. Expected (\d+) arguments? but got (\d+)\.$/s.exec(message))) {
        const expected = Number(m[2]);
        return said('excessArguments', { for: m[1] ? said('excessFor', { name: m[1] }) : '', expected, got: m[3]!, s: expected === 1 ? '' : 's' });
      }
      break;
  }
  return joined;
}
