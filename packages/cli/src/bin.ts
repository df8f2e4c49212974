#!/usr/bin/env node
import { redact } from '@kvdoctor/diagnose';
import { Command, CommanderError } from 'commander';
import { diagnoseCommand } from './commands/diagnose';
import { explainCommand } from './commands/explain';
import { rangesImportCommand } from './commands/ranges';
import { loadSettings } from './commands/service-tags-settings';
import { EXIT, type ExitCode } from './exit-codes';
import { CHECK_HELP, DIAGNOSE_HELP, EXPLAIN_HELP, PROGRAM_HELP, RANGES_HELP } from './help';
import { EnvSchema, type Io, warn, writeOutput } from './io';
import { packageVersion } from './version';

const io: Io = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: EnvSchema.parse(process.env) };

// A failed write reaches its writer's callback (io.ts decides what it means); without a listener
// Node would also throw it as an uncaught 'error' event and print a stack trace. On stderr there
// is nowhere left to report a failure to.
const ignore = (): void => undefined;
process.stdout.on('error', ignore);
process.stderr.on('error', ignore);

// Help and version text that could not be written is lost output like any other: exit 2, whenever
// the write's outcome arrives relative to the command's own exit code.
let outputLost = false;
const writeOut = (text: string): void => {
  void writeOutput(io, text, undefined).then((written) => {
    if (written.ok || outputLost) return;
    outputLost = true;
    warn(io, written.message);
    exitWith(EXIT.usage);
  });
};

// Exit codes are set, never forced with process.exit(), so piped output is flushed first.
const exitWith = (code: ExitCode): void => {
  process.exitCode = outputLost ? EXIT.usage : code;
};

const program = new Command('kvdoctor')
  .description('Tells you exactly why Azure Key Vault refused your pipeline, and what to change.')
  .version(packageVersion(), '-V, --version')
  .exitOverride()
  .showHelpAfterError('(run with --help for usage)')
  // Commander quotes the arguments it rejects ("unknown command '…'"): a pasted secret is masked.
  .configureOutput({ writeOut, outputError: (text, write) => write(`kvdoctor: ${redact(text.replace(/^error: /, '')).text}`) })
  .addHelpText('after', PROGRAM_HELP);

program
  .command('diagnose')
  .description('find Key Vault refusals in CI/CD logs and say what to change')
  .argument('[inputs...]', 'log files, folders, .zip archives of pipeline logs, or - for standard input')
  .option('-f, --format <format>', 'text | markdown | json | csv', 'text')
  .option('-o, --out <file>', 'write the output to this file instead of standard output')
  .option('-j, --jobs <n>', 'worker threads for many files (default: chosen from the batch and the cores)')
  .option('--service-tags <file>', 'Azure ServiceTags_Public.json to name the owners of client addresses')
  .option('--exit-zero', 'exit 0 even when findings are reported (usage and input errors still exit 2)')
  .addHelpText('after', DIAGNOSE_HELP)
  .action(async (inputs: string[], flags: unknown) => exitWith(await diagnoseCommand(inputs, flags, io, loadSettings)));

program
  .command('explain')
  .description("a family's causes and fixes, without a log")
  .argument('<code>', 'ForbiddenByFirewall, AKV10032, AADSTS70021, … or a family id')
  .option('-f, --format <format>', 'text | markdown | json', 'text')
  .option('-o, --out <file>', 'write the output to this file instead of standard output')
  .addHelpText('after', EXPLAIN_HELP)
  .action(async (code: string, flags: unknown) => exitWith(await explainCommand(code, flags, io)));

const collect = (value: string, previous: string[]): string[] => [...previous, value];

program
  .command('check')
  .description("hold a log's findings against the vault's real configuration (live, or from az keyvault show)")
  .argument('<vault>', 'the vault name (or its https://<name>.vault.azure.net URL)')
  .option('--subscription <id>', 'a subscription that may be read (repeatable); required for a live check', collect, [])
  .option('--tenant <id>', "a tenant that may be read (repeatable); default: the log's tenant", collect, [])
  .option('--from-az-json <file>', 'assess offline against the JSON of az keyvault show --name <vault>')
  .option('--log <file>', 'the log whose findings to check (- for standard input)')
  .option('-f, --format <format>', 'text | json', 'text')
  .option('-o, --out <file>', 'write the output to this file instead of standard output')
  .addHelpText('after', CHECK_HELP)
  // Loaded on use: the Azure SDK behind it would slow every other command's start.
  .action(async (vault: string, flags: unknown) => exitWith(await (await import('./commands/check.js')).checkCommand(vault, flags, io)));

const ranges = program.command('ranges').description('Azure IP range data that names the owners of client addresses');
ranges
  .command('import')
  .description('compile a downloaded ServiceTags_Public.json into the cache that diagnose reads')
  .argument('<file>', "Microsoft's weekly ServiceTags_Public_YYYYMMDD.json")
  .addHelpText('after', RANGES_HELP)
  .action(async (file: string) => exitWith(await rangesImportCommand(file, io)));

program.parseAsync(process.argv).catch((error: unknown) => {
  if (error instanceof CommanderError) {
    const informational = error.code === 'commander.helpDisplayed' || error.code === 'commander.version';
    exitWith(informational ? EXIT.clean : EXIT.usage);
    return;
  }
  warn(io, `internal error (a bug, please report it): ${error instanceof Error ? error.message : 'unknown'}`);
  exitWith(EXIT.usage);
});
