/**
 * The words of `--help` in Finnish, Swedish and English. Commander keeps one
 * description per option, set when the program is built, so the program is built
 * in the help's language; its own headings ("Usage:", "Options:") and the
 * "(default: …)" / "(choices: …)" notes are said again through configureHelp.
 */
import { Help, type Command, type Option } from 'commander';
import type { UiLang } from '../types.js';
import { t, type Strings } from '../report/i18n.js';

const TEXT = {
  program: {
    fi: 'Suomen- ja ruotsinkielisten asiakaspalveluvastausten laaduntarkistin',
    sv: 'Kvalitetsgranskare för finsk- och svenskspråkiga kundtjänstsvar',
    en: 'Reply-quality linter for Finnish and Swedish customer-service messages',
  },
  version: { fi: 'näytä versio', sv: 'visa versionen', en: 'output the version number' },
  help: { fi: 'näytä komennon ohje', sv: 'visa hjälp för kommandot', en: 'display help for command' },
  paths: {
    fi: 'vastaustiedostot, kansiot, globit, arkistot; - lukee vakiosyötteen',
    sv: 'svarsfiler, mappar, globmönster, arkiv; - läser standard in',
    en: 'reply files, folders, globs, archives; - reads stdin',
  },
  bingoPaths: { fi: 'vastaustiedostot, kansiot, globit, arkistot', sv: 'svarsfiler, mappar, globmönster, arkiv', en: 'reply files, folders, globs, archives' },
  rules: { fi: 'luettele säännöt', sv: 'lista reglerna', en: 'list the rule catalogue' },
  rulesUiLang: { fi: 'otsikoiden kieli', sv: 'titlarnas språk', en: 'language of the titles' },
  bingo: {
    fi: 'automaattivastausbingon kortti vastausjoukosta',
    sv: 'automatsvarsbingons bricka över en mängd svar',
    en: 'the automaattivastausbingo card over a set of replies',
  },
  init: {
    fi: 'kirjoita kommentoitu .aspalintrc.yaml-pohja nykyiseen kansioon',
    sv: 'skriv en kommenterad .aspalintrc.yaml-mall i den aktuella mappen',
    en: 'write a commented .aspalintrc.yaml starter in the current folder',
  },
  doctor: {
    fi: 'mitkä kielikomponentit ovat käytössä (Voikko, Hunspell) ja miten puuttuvat asennetaan',
    sv: 'vilka språkkomponenter som är aktiva (Voikko, Hunspell) och hur de saknade installeras',
    en: 'which language components are active (Voikko, Hunspell) and how to install the missing ones',
  },
  format: { fi: 'tulosteen muoto', sv: 'utdataformat', en: 'output format' },
  formatOrModule: {
    fi: "tulosteen muoto: {formats} tai muotoilijan nimi tai polku",
    sv: "utdataformat: {formats} eller en formaterares namn eller sökväg",
    en: "output format: {formats}, or a formatter's name or path",
  },
  channel: {
    fi: 'vastausten kanava (oletus: email tai asetusten arvo)',
    sv: 'svarens kanal (standard: email, eller konfigurationens)',
    en: 'channel of the replies (default: email, or the config)',
  },
  lang: { fi: 'vastausten kieli', sv: 'svarens språk', en: 'language of the replies' },
  customer: { fi: 'asiakkaan viesti, johon vastaus vastaa', sv: 'kundens meddelande som svaret besvarar', en: "the customer's message the reply answers" },
  config: {
    fi: 'asetustiedosto (oletus: lähin .aspalintrc.yaml nykyisestä kansiosta ylöspäin)',
    sv: 'konfigurationsfil (standard: närmaste .aspalintrc.yaml uppåt från den aktuella mappen)',
    en: 'config file (default: nearest .aspalintrc.yaml upward from the current folder)',
  },
  lspConfig: {
    fi: 'asetustiedosto kaikille dokumenteille (oletus: kunkin dokumentin lähin .aspalintrc.yaml ylöspäin)',
    sv: 'konfigurationsfil för alla dokument (standard: varje dokuments närmaste .aspalintrc.yaml uppåt)',
    en: 'config file for every document (default: the nearest .aspalintrc.yaml upward from each document)',
  },
  noConfig: {
    fi: 'älä käytä asetustiedostoa, vain oletuksia ja valitsimia',
    sv: 'använd ingen konfigurationsfil, bara standardvärden och flaggor',
    en: 'use no config file, only the defaults and the flags',
  },
  printConfig: {
    fi: 'tulosta tiedostoon pätevät asetukset JSONina ja lopeta',
    sv: 'skriv ut inställningarna som gäller en fil, som JSON, och avsluta',
    en: 'print the settings that apply to a file, as JSON, and exit',
  },
  ignorePath: {
    fi: 'ohitustiedosto asetusten vieressä olevan .aspalintignoren sijaan',
    sv: 'ignorera-fil att använda i stället för .aspalintignore bredvid konfigurationen',
    en: 'ignore file to use instead of the .aspalintignore beside the config',
  },
  ignorePattern: {
    fi: 'jätä pois tähän gitignore-tyyppiseen kaavaan sopivat tiedostot (toistettavissa)',
    sv: 'hoppa över filer som matchar detta mönster i gitignore-stil (kan upprepas)',
    en: 'leave out files matching this gitignore-style pattern (repeatable)',
  },
  noIgnore: {
    fi: 'tarkista kaikki annetut tiedostot, sanoivatpa ignore:, .aspalintignore ja --ignore-pattern mitä tahansa',
    sv: 'granska varje given fil, vad ignore:, .aspalintignore och --ignore-pattern än säger',
    en: 'lint every file given, whatever ignore:, .aspalintignore and --ignore-pattern say',
  },
  noInlineConfig: {
    fi: 'aspalint-disable-kommentit eivät vaienna mitään',
    sv: 'aspalint-disable-kommentarer tystar ingenting',
    en: 'aspalint-disable comments silence nothing',
  },
  reportUnused: {
    fi: 'aspalint-disable-kommentti, joka ei vaienna mitään, on virhe',
    sv: 'en aspalint-disable-kommentar som inte tystar något är ett fel',
    en: 'an aspalint-disable comment that silences nothing is an error',
  },
  reportUnusedSeverity: { fi: 'sama, tällä vakavuudella', sv: 'detsamma, med denna allvarlighetsgrad', en: 'the same, with this severity' },
  stdinFilename: {
    fi: 'polku, jona vakiosyöte tarkistetaan: ohitukset, pohjat ja raportti käyttävät sitä',
    sv: 'sökvägen som standard in granskas som: undantag, mallar och rapporten använder den',
    en: 'the path stdin is linted as: overrides, templates and the report use it',
  },
  uiLang: {
    fi: 'aspalintin viestien kieli (oletus: vastauksen kieli)',
    sv: 'språket i aspalints meddelanden (standard: svarets)',
    en: "language of aspalint's messages (default: the reply's)",
  },
  quiet: { fi: 'raportoi vain virheet', sv: 'rapportera bara fel', en: 'report errors only' },
  exitZero: {
    fi: 'poistu koodilla 0, vaikka tarkistus ei menisi läpi (syöte- ja käyttövirheet poistuvat silti koodilla 2)',
    sv: 'avsluta med 0 även när granskningen inte går igenom (indata- och användningsfel avslutar ändå med 2)',
    en: 'exit 0 even when there are lint failures (input and usage errors still exit 2)',
  },
  color: {
    fi: 'väritä tuloste silloinkin, kun se ei mene päätteelle',
    sv: 'färglägg utdata även när den inte går till en terminal',
    en: 'colour the output even when it does not go to a terminal',
  },
  noColor: { fi: 'älä koskaan väritä tulostetta', sv: 'färglägg aldrig utdata', en: 'never colour the output' },
  maxWarnings: { fi: 'epäonnistu, kun varoituksia on enemmän kuin tämä', sv: 'misslyckas när varningarna är fler än så här', en: 'fail when there are more warnings than this' },
  maxScore: { fi: 'epäonnistu, kun vastauksen pisteet ylittävät tämän', sv: 'misslyckas när ett svar får fler poäng än så här', en: 'fail when a reply scores more than this' },
  rule: {
    fi: 'aseta säännön tasoksi off|info|warning|error (toistettavissa)',
    sv: 'sätt en regel till off|info|warning|error (kan upprepas)',
    en: 'set a rule to off|info|warning|error (repeatable)',
  },
  output: { fi: 'kirjoita raportti tiedostoon vakiotulosteen sijaan', sv: 'skriv rapporten till en fil i stället för standard ut', en: 'write the report to a file instead of stdout' },
  inputFormat: {
    fi: 'miten vakiosyöte luetaan (ja tiedostot, joiden pääte ei sitä kerro)',
    sv: 'hur standard in läses (och filer vars ändelse inte säger det)',
    en: 'how to read stdin (and files whose ending does not say)',
  },
  agents: {
    fi: "kuka vastaa yrityksen puolesta arkistossa: '@yritys.fi', 'tuki@yritys.fi' (toistettavissa, pilkuin eroteltuna)",
    sv: "vem som svarar för företaget i ett arkiv: '@foretag.se', 'support@foretag.se' (kan upprepas, kommaseparerat)",
    en: "who answers for the company in an archive: '@yritys.fi', 'tuki@yritys.fi' (repeatable, comma-separated)",
  },
  columns: {
    fi: 'CSV-viennin sarakkeet: reply=Body,customer=Question,agent=Assignee,id=Ticket,date=Created',
    sv: 'kolumnerna i en CSV-export: reply=Body,customer=Question,agent=Assignee,id=Ticket,date=Created',
    en: 'columns of a CSV export: reply=Body,customer=Question,agent=Assignee,id=Ticket,date=Created',
  },
  jobs: {
    fi: 'työsäikeet suurille erille (oletus: kaikki ytimet, enintään 4 × ytimet)',
    sv: 'arbetstrådar för stora satser (standard: alla kärnor, högst 4 × kärnor)',
    en: 'worker threads for large batches (default: all cores, at most 4 × cores)',
  },
  template: {
    fi: 'lue jokainen syöte pohjana: paikkamerkit ymmärretään, ohjaustagit ohitetaan',
    sv: 'läs varje indata som en mall: platshållare förstås, styrtaggar hoppas över',
    en: 'read every input as a template: placeholders understood, control tags ignored',
  },
  timeZone: {
    fi: 'HTML-raportin aikojen ja --group-by monthin aikavyöhyke, esim. Europe/Helsinki (oletus: kunkin viestin oma)',
    sv: 'tidszon för tiderna i HTML-rapporten och för --group-by month, t.ex. Europe/Stockholm (standard: varje brevs egen)',
    en: "zone of the times in the HTML report and of --group-by month, e.g. Europe/Helsinki (default: each mail's own)",
  },
  groupBy: { fi: 'luvut agentin, kuukauden, kanavan tai kielen mukaan', sv: 'siffror per handläggare, månad, kanal eller språk', en: 'figures per agent, month, channel or language' },
  redact: {
    fi: 'peitä henkilötiedot (osoitteet, puhelin- ja tunnusnumerot, kortit, asiakkaiden nimet) tulosteessa',
    sv: 'maskera personuppgifter (adresser, telefon- och id-nummer, kort, kunders namn) i utdata',
    en: 'mask personal data (addresses, phone and id numbers, cards, customer names) in the output',
  },
  cache: {
    fi: 'käytä muuttumattomien vastausten tuloksia edellisestä ajosta (.aspalintcache)',
    sv: 'återanvänd resultaten för oförändrade svar från förra körningen (.aspalintcache)',
    en: 'reuse the results of unchanged replies from the last run (.aspalintcache)',
  },
  cacheLocation: {
    fi: 'välimuistitiedosto tai kansio sille (oletus: .aspalintcache nykyisessä kansiossa)',
    sv: 'cachefilen, eller en mapp för den (standard: .aspalintcache i den aktuella mappen)',
    en: 'the cache file, or a folder for it (default: .aspalintcache in the current folder)',
  },
  cacheStrategy: { fi: 'mistä tiedoston tietää muuttumattomaksi: sisällöstä', sv: 'vad som visar att en fil är oförändrad: dess innehåll', en: 'what tells a file unchanged: its content' },
  fix: {
    fi: 'tee turvalliset korjaukset tiedostoihin atomisesti ja raportoi, mitä jäi',
    sv: 'gör säkra rättelser i filerna, atomärt, och rapportera det som återstår',
    en: 'apply safe fixes to the files, atomically, then report what is left',
  },
  fixDryRun: {
    fi: 'tulosta turvalliset korjaukset unified diff -muodossa; älä muuta mitään',
    sv: 'skriv ut de säkra rättelserna som en unified diff; ändra ingenting',
    en: 'print the safe fixes as a unified diff; change nothing',
  },
  serve: {
    fi: 'tarkista ennen lähetystä: HTTP-palvelu, jossa aspalintin rajapinta (/v1) ja LanguageToolin (/v2)',
    sv: "granska före sändning: en HTTP-tjänst med aspalints API (/v1) och LanguageTools (/v2)",
    en: "lint before send: an HTTP service with aspalint's API (/v1) and LanguageTool's (/v2)",
  },
  host: { fi: 'kuunneltava osoite', sv: 'adress att lyssna på', en: 'address to listen on' },
  port: { fi: 'kuunneltava portti (0: mikä tahansa vapaa)', sv: 'port att lyssna på (0: valfri ledig port)', en: 'port to listen on (0: any free port)' },
  maxBody: { fi: 'pyynnön rungon enimmäiskoko', sv: 'största tillåtna begärandekropp', en: 'largest request body' },
  timeout: { fi: 'aika, jossa asiakkaan on lähetettävä koko pyyntönsä', sv: 'tiden en klient har på sig att skicka hela sin begäran', en: 'time a client has to send its whole request' },
  maxConcurrent: {
    fi: 'yhtä aikaa käsiteltävät pyynnöt; ylimääräiset saavat vastauksen 503',
    sv: 'begäranden som behandlas samtidigt; fler får 503',
    en: 'requests in progress at once; more get a 503',
  },
  allowOrigin: {
    fi: 'salli tämän alkuperän selainsivujen kutsua palvelua (CORS); "*" mille tahansa',
    sv: 'låt webbsidor från detta ursprung anropa tjänsten (CORS); "*" för alla',
    en: 'let browser pages from this origin call the service (CORS); "*" for any',
  },
  mcp: {
    fi: 'MCP-palvelin vakiosyötteessä ja -tulosteessa tekoälyagenteille: työkalut lint_reply, fix_reply, list_rules',
    sv: 'en MCP-server på stdio för AI-agenter: verktygen lint_reply, fix_reply, list_rules',
    en: 'an MCP server on stdio, for AI agents: tools lint_reply, fix_reply, list_rules',
  },
  lsp: {
    fi: 'kielipalvelin vakiosyötteessä ja -tulosteessa editoreille: diagnostiikka, pikakorjaukset, vaiennukset',
    sv: 'en språkserver på stdio för redigerare: diagnostik, snabbrättelser, undantag',
    en: 'a language server on stdio, for editors: diagnostics, quick fixes, suppressions',
  },
  stdio: {
    fi: 'keskustele vakiosyötteen ja -tulosteen kautta (ainoa siirtotapa; hyväksytään, koska editorit antavat sen)',
    sv: 'kommunicera via standard in och ut (det enda transportsättet; godtas eftersom redigerare skickar det)',
    en: 'talk over stdin/stdout (the only transport; accepted as editors pass it)',
  },
} satisfies Record<string, Strings>;

export type HelpKey = keyof typeof TEXT;

/** One description of the help, in `lang`. */
export function helpText(key: HelpKey, lang: UiLang, data: Record<string, string | number> = {}): string {
  return t(TEXT[key], lang, data);
}

const TITLES: Record<string, Strings> = {
  'Usage:': { fi: 'Käyttö:', sv: 'Användning:', en: 'Usage:' },
  'Arguments:': { fi: 'Argumentit:', sv: 'Argument:', en: 'Arguments:' },
  'Options:': { fi: 'Valitsimet:', sv: 'Flaggor:', en: 'Options:' },
  'Commands:': { fi: 'Komennot:', sv: 'Kommandon:', en: 'Commands:' },
};
const NOTES: Record<string, Strings> = {
  choices: { fi: 'vaihtoehdot', sv: 'val', en: 'choices' },
  default: { fi: 'oletus', sv: 'standard', en: 'default' },
};

/**
 * Commander's help in `lang`: the headings, and the "(choices: …, default: …)" that
 * commander appends to an option's description. The commands inherit it.
 */
export function localiseHelp(program: Command, lang: UiLang): void {
  if (lang === 'en') return;
  const base = new Help();
  program.configureHelp({
    styleTitle: (title: string) => (TITLES[title] ? t(TITLES[title], lang) : title),
    optionDescription: (option: Option) =>
      base.optionDescription(option).replace(/\((choices|default): /g, (_m, key: string) => `(${t(NOTES[key]!, lang)}: `).replace(/, (default): /g, (_m, key: string) => `, ${t(NOTES[key]!, lang)}: `),
  });
}

/** Whether argv asks for help: the descriptions are built in the help's language only then. */
export function wantsHelp(argv: readonly string[]): boolean {
  for (const a of argv) {
    if (a === '--') return false;
    if (a === '-h' || a === '--help') return true;
  }
  return false;
}
