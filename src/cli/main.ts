import { Command, CommanderError, Option } from 'commander';
import type { UiLang } from '../types.js';
import { ConfigError, findConfig, loadConfig } from '../engine/config.js';
import { ruleMetas } from '../engine/rules.js';
import { formatRulesJson, formatRulesMarkdown, formatRulesText } from '../report/rules-list.js';
import { defaultUiLang, t, UI } from '../report/i18n.js';
import { readVersion } from './version.js';
import { UsageError, type Io } from './io.js';
import { addLintOptions, BINGO_FORMATS, LINT_FORMATS, type LintFlags } from './options.js';
import { runLint } from './lint-command.js';
import { writeStarter } from './init.js';
import { addServerCommands } from './server-commands.js';
import { errorUiLang } from './ui-lang.js';
import { usageMessage } from './usage-text.js';
import { helpText as h, localiseHelp, wantsHelp } from './help-text.js';

/** The command line: commander wiring and exit codes; the work is in the commands' modules. */
export async function main(argv: string[], io: Io = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() }): Promise<number> {
  let code = 0;
  // The descriptions matter only to --help: its language is worked out (which may read the config) only then.
  const lang: UiLang = wantsHelp(argv) ? errorUiLang(argv, io) : 'en';
  const program = new Command('aspalint')
    .description(h('program', lang))
    .version(readVersion(), '-v, --version', h('version', lang))
    .helpOption('-h, --help', h('help', lang))
    .argument('[paths...]', h('paths', lang))
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s), outputError: () => {} })
    .showSuggestionAfterError(true)
    .enablePositionalOptions();
  localiseHelp(program, lang);
  addLintOptions(program, LINT_FORMATS, true, lang).action(async (paths: string[], flags: LintFlags) => {
    code = await runLint(paths, flags, io, 'lint');
  });

  program
    .command('rules')
    .description(h('rules', lang))
    .addOption(new Option('-f, --format <format>', h('format', lang)).choices(['stylish', 'json', 'markdown']).default('stylish'))
    .addOption(new Option('--ui-lang <lang>', h('rulesUiLang', lang)).choices(['fi', 'sv', 'en']))
    .action((flags: { format: string; uiLang?: UiLang }) => {
      // The config's own rules (plugins, playbooks, custom rules) are listed too.
      const configFile = findConfig(io.cwd);
      const rules = ruleMetas(configFile ? loadConfig(configFile) : {});
      const lang = flags.uiLang ?? defaultUiLang([], io.env);
      io.stdout.write(flags.format === 'json' ? formatRulesJson(rules) : flags.format === 'markdown' ? formatRulesMarkdown(rules) : formatRulesText(rules, lang));
    });

  addLintOptions(
    program.command('bingo').description(h('bingo', lang)).argument('[paths...]', h('bingoPaths', lang)),
    BINGO_FORMATS,
    false,
    lang,
  ).action(async (paths: string[], flags: LintFlags) => {
    code = await runLint(paths, flags, io, 'bingo');
  });

  program
    .command('init')
    .description(h('init', lang))
    .action(() => {
      const { path, created } = writeStarter(io.cwd);
      io.stdout.write(`${t(created ? UI.initCreated : UI.initExists, errorUiLang(argv, io), { path })}\n`);
    });

  program
    .command('doctor')
    .description(h('doctor', lang))
    .addOption(new Option('-f, --format <format>', h('format', lang)).choices(['stylish', 'json']).default('stylish'))
    .action(async (flags: { format: string }) => {
      const { doctorReport, formatDoctor } = await import('../report/doctor.js');
      const report = doctorReport();
      io.stdout.write(flags.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : formatDoctor(report));
    });

  addServerCommands(program, io, (c) => (code = c), lang);

  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return 0;
      // Commander writes nothing itself (outputError above): its message is said here, in the UI language.
      io.stderr.write(`aspalint: ${usageMessage(err, errorUiLang(argv, io))}\n`);
      return 2;
    }
    if (err instanceof ConfigError) {
      io.stderr.write(`aspalint: ${err.toString(errorUiLang(argv, io, err.file))}\n`);
      return 2;
    }
    if (err instanceof UsageError) {
      io.stderr.write(`aspalint: ${err.text(errorUiLang(argv, io))}\n`);
      return 2;
    }
    // A bug of ours: still one line, with a way to see the rest.
    io.stderr.write(`aspalint: internal error: ${(err as Error).message} (set ASPALINT_DEBUG=1 for details)\n`);
    if (io.env.ASPALINT_DEBUG) io.stderr.write(`${(err as Error).stack}\n`);
    return 2;
  }
}
