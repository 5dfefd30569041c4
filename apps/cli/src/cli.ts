import yargs from 'yargs';
import { ExitCode, type ExitStatus } from './exit-codes.js';
import { validateModel } from './model-validate.command.js';
import { outputTo } from './output.js';

/** A mistake in the command line (exit 2). */
class UsageError extends Error {
  override readonly name = 'UsageError';
}

export interface CliStreams {
  readonly stdout?: NodeJS.WritableStream;
  readonly stderr?: NodeJS.WritableStream;
}

/**
 * Runs `leadscore <args>` and resolves with its exit status (never exits the process itself, so it can
 * run in a test). Commands are yargs command modules; `--help` and `--json` work on every one.
 */
export async function runCli(args: readonly string[], streams: CliStreams = {}): Promise<ExitStatus> {
  let status: ExitStatus = ExitCode.ok;
  const stderr = streams.stderr ?? process.stderr;
  const stdout = streams.stdout ?? process.stdout;
  const parser = yargs([...args])
    .scriptName('leadscore')
    .usage('$0 <command> [options]\n\nReal-time lead scoring from a terminal. Exit codes: see the README.')
    .option('json', { type: 'boolean', default: false, describe: 'Print one JSON document, for scripts' })
    .command('model', 'Scoring models as code: validate (offline), diff, apply, list, get', (models) =>
      models
        .command(
          'validate <file>',
          'Check a model file offline, with the parser the scorer uses (no server, no key)',
          (command) =>
            command
              .positional('file', {
                type: 'string',
                demandOption: true,
                describe: 'A .yaml, .yml or .json model',
              })
              .option('workspace', {
                type: 'string',
                describe: 'The workspace that will apply it: a workspace the model names must be this one',
              })
              .example('$0 model validate models/ontraport.yaml', 'Exit 0 when valid, 3 with every problem'),
          async (argv) => {
            status = await validateModel(argv.file, argv.workspace, outputTo(argv.json, stdout, stderr));
          },
        )
        .demandCommand(1, 'Name a model command: validate'),
    )
    .demandCommand(1, 'Name a command (leadscore --help lists them)')
    .strict()
    .completion(
      'completion',
      'Print a shell completion script (bash or zsh): leadscore completion >> ~/.bashrc',
    )
    .help()
    .alias('help', 'h')
    .version()
    .wrap(Math.min(100, process.stdout.columns ?? 100))
    .exitProcess(false)
    .fail((message: string | undefined, error: Error | undefined) => {
      // yargs reports usage mistakes as a message or as its own YError; anything else is a real failure.
      // Throwing stops yargs there (with exitProcess off it would otherwise go on to run the command).
      if (error && error.name !== 'YError') throw error;
      throw new UsageError(message ?? error?.message ?? 'usage error');
    });
  try {
    await parser.parseAsync();
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    stderr.write(`${error.message}\n\nRun with --help for the commands and options.\n`);
    return ExitCode.usage;
  }
  return status;
}
