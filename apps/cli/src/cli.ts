import yargs from 'yargs';
import { type CreateWebhookRequest } from '@leadscore/contracts';
import { ACCOUNT_STAGES, listAccountMembers, listAccounts, showAccount } from './account.commands.js';
import { CommandError } from './api-client.js';
import { resolveConnection, type Connection, type ConnectionFlags } from './connection.js';
import { ExitCode, type ExitStatus } from './exit-codes.js';
import {
  eraseContact,
  explainContact,
  exportContact,
  showContact,
  showLeaderboard,
} from './contact.commands.js';
import { createKey, createWorkspace, listWorkspaces, listKeys, revokeKey } from './keys.commands.js';
import { CONSOLE_ROLES, changeUserRole, inviteUser, listUsers, removeUser } from './user.commands.js';
import { login } from './login.command.js';
import {
  addWebhook,
  listDeliveries,
  listWebhooks,
  replayWebhook,
  rotateWebhookSecret,
  testWebhook,
} from './webhook.commands.js';
import { applyModel, backtestModel, diffModel, getModel, listModels } from './model-remote.commands.js';
import { validateModel } from './model-validate.command.js';
import { learnFromContacts, learnFromCsv } from './model-learn.command.js';
import {
  cancelRescore,
  listRescores,
  pollIntervalOf,
  resumeRescore,
  showRescore,
  startRescore,
} from './rescore.commands.js';
import { DEFAULT_SEND_SETTINGS, sendEvents } from './send.command.js';
import { outputTo, writeJson, type Output } from './output.js';
import { VERSION } from './version.js';

const CONTACT = {
  type: 'string',
  demandOption: true,
  describe: 'A contact key (email:…, phone:…, user:…, anon:…), an email address or a phone number',
} as const;
const WEBHOOK_ID = {
  type: 'string',
  demandOption: true,
  describe: 'The subscription id (webhook list)',
} as const;
const ACCOUNT = {
  type: 'string',
  demandOption: true,
  describe: 'An account id: a group call’s groupId, a company.id trait, or an email domain',
} as const;
const ACCOUNT_MODEL = { type: 'string', demandOption: true, describe: 'The model id' } as const;
const ACCOUNT_PAGING = {
  limit: { type: 'number', describe: 'Rows per page (the api’s default and maximum apply)' },
  offset: { type: 'number', describe: 'Rows to skip: where the previous page said the next one starts' },
} as const;
/** --limit a whole number of at least 1, --offset of at least 0 (else exit 2 before any request). */
const checkPaging = (argv: { limit?: number | undefined; offset?: number | undefined }) => {
  if (argv.limit !== undefined && (!Number.isInteger(argv.limit) || argv.limit < 1))
    return `--limit takes a whole number of at least 1, got ${String(argv.limit)}`;
  if (argv.offset !== undefined && (!Number.isInteger(argv.offset) || argv.offset < 0))
    return `--offset takes a whole number of at least 0, got ${String(argv.offset)}`;
  return true;
};
const OPERATOR_TOKEN = {
  type: 'string',
  describe: 'The api’s OPERATOR_TOKEN (else LEADSCORE_OPERATOR_TOKEN)',
} as const;
const RESCORE_ID = {
  type: 'string',
  demandOption: true,
  describe: 'The rescore id (model rescore or rescore list)',
} as const;
const MODEL_FILE = { type: 'string', demandOption: true, describe: 'A .yaml, .yml or .json model' } as const;

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
  /** Runs a command; a CommandError becomes its message (or JSON) and its exit status. */
  const run = async (json: boolean, action: (output: Output) => Promise<ExitStatus>) => {
    const output = outputTo(json, stdout, stderr);
    try {
      status = await action(output);
    } catch (error) {
      if (!(error instanceof CommandError)) throw error;
      if (json)
        writeJson(output, {
          error: { exitCode: error.status, message: error.message, problem: error.problem ?? null },
        });
      else output.err(error.message);
      status = error.status;
    }
  };
  /** With the api: the connection from --url/--key/--profile, the environment or the config file. */
  const remote = (
    argv: ConnectionFlags & { json: boolean },
    action: (connection: Connection, output: Output) => Promise<ExitStatus>,
  ) => run(argv.json, async (output) => action(await resolveConnection(argv), output));
  const parser = yargs([...args])
    .scriptName('leadscore')
    .usage('$0 <command> [options]\n\nReal-time lead scoring from a terminal. Exit codes: see the README.')
    .option('json', { type: 'boolean', default: false, describe: 'Print one JSON document, for scripts' })
    .option('url', {
      type: 'string',
      describe: 'The api (else LEADSCORE_URL, the profile, http://127.0.0.1:3000)',
    })
    .option('ingest-url', {
      type: 'string',
      describe:
        'Ingest, where send posts events (else LEADSCORE_INGEST_URL, the profile, the local ingest beside the local api, the api’s URL)',
    })
    .option('key', {
      type: 'string',
      describe: 'A workspace key (else LEADSCORE_KEY or the profile); never printed',
    })
    .option('profile', {
      type: 'string',
      describe: 'A profile of the config file written by login (default: default)',
    })
    .command(
      'login',
      'Check a key against the api and store it as a profile (~/.config/leadscore/config.json, mode 0600)',
      (command) =>
        command.example(
          '$0 login --url https://leadscore.example.com --key sk_…',
          'Store the default profile',
        ),
      (argv) => remote(argv, login),
    )
    .command(
      'model',
      'Models as code: validate, learn, diff, backtest, apply, list, get, rescore',
      (models) =>
        models
          .command(
            'validate <file>',
            'Check a model file offline, with the parser the scorer uses (no server, no key)',
            (command) =>
              command
                .positional('file', MODEL_FILE)
                .option('workspace', {
                  type: 'string',
                  describe: 'The workspace that will apply it: a workspace the model names must be this one',
                })
                .example(
                  '$0 model validate models/ontraport.yaml',
                  'Exit 0 when valid, 3 with every problem',
                ),
            (argv) => run(argv.json, (output) => validateModel(argv.file, argv.workspace, output)),
          )
          .command(
            'diff <file>',
            'What applying the file would change against the live version (rules added, removed, changed)',
            (command) =>
              command
                .positional('file', MODEL_FILE)
                .example('$0 model diff models/ontraport.yaml', 'Review the change before applying it'),
            (argv) => remote(argv, (connection, output) => diffModel(connection, argv.file, output)),
          )
          .command(
            'backtest <file>',
            'The file against the live version on the workspace’s archived contacts: what moves, new MQLs, precision, recall, ROC AUC, lift',
            (command) =>
              command
                .positional('file', MODEL_FILE)
                .example('$0 model backtest models/ontraport-v2.yaml', 'Before applying version 2')
                .example(
                  '$0 model backtest models/ontraport-v2.yaml --json',
                  'The api’s answer, for scripts',
                ),
            (argv) => remote(argv, (connection, output) => backtestModel(connection, argv.file, output)),
          )
          .command(
            'learn [csv]',
            'Learn points from past leads: a CRM export (offline) or, with --from-contacts, the archived contacts with outcomes recorded through the api; leakage checks, close rates, an L2 logistic regression evaluated on held-out leads, a model to review',
            (command) =>
              command
                .positional('csv', {
                  type: 'string',
                  describe: 'The export: one row per lead, an outcome column (not with --from-contacts)',
                })
                .option('from-contacts', {
                  type: 'boolean',
                  default: false,
                  describe:
                    'Learn on the api from the workspace’s archived contacts with a recorded outcome (needs --mapping)',
                })
                .check((argv) => {
                  if (argv.fromContacts && argv.csv !== undefined)
                    return 'Pass either a CSV file or --from-contacts, not both';
                  if (argv.fromContacts && argv.mapping === undefined)
                    return '--from-contacts needs --mapping: which profile field each category reads, which event type each count counts';
                  if (!argv.fromContacts && argv.csv === undefined)
                    return 'Name the CSV file to learn from, or pass --from-contacts --mapping FILE';
                  return true;
                })
                .option('mapping', {
                  type: 'string',
                  describe:
                    'The reviewed feature mapping (without it, a proposal is written beside the file and used)',
                })
                .option('out', { type: 'string', describe: 'Write the learned model (YAML) to this file' })
                .option('model-id', {
                  type: 'string',
                  default: 'learned',
                  describe: 'The id of the learned model',
                })
                .option('c', {
                  type: 'number',
                  describe: 'The regression’s inverse regularisation strength (default 1)',
                })
                .option('seed', { type: 'number', describe: 'Seed of the held-out split (default 7)' })
                .option('keep', {
                  type: 'array',
                  string: true,
                  describe: 'Columns to keep even when flagged as leaky',
                })
                .example(
                  '$0 model learn leads.csv',
                  'Propose a mapping (leads.mapping.yaml), and learn with it',
                )
                .example(
                  '$0 model learn leads.csv --mapping leads.mapping.yaml --out learned.yaml',
                  'With the reviewed mapping, writing the model',
                )
                .example(
                  '$0 model learn --from-contacts --mapping contacts.mapping.yaml --out learned.yaml',
                  'On the api: from the contacts whose outcomes were recorded',
                ),
            (argv) => {
              const settings = {
                modelId: argv.modelId,
                ...(argv.out !== undefined ? { out: argv.out } : {}),
                ...(argv.c !== undefined ? { C: argv.c } : {}),
                ...(argv.seed !== undefined ? { seed: argv.seed } : {}),
                ...(argv.keep !== undefined ? { keep: argv.keep } : {}),
              };
              if (argv.fromContacts && argv.mapping !== undefined) {
                const mapping = argv.mapping;
                return remote(argv, (connection, output) =>
                  learnFromContacts(connection, { ...settings, mapping }, output),
                );
              }
              return run(argv.json, (output) =>
                learnFromCsv(
                  argv.csv ?? '',
                  {
                    ...settings,
                    ...(argv.mapping !== undefined ? { mapping: argv.mapping } : {}),
                    progress: !argv.json && (stderr as { isTTY?: boolean }).isTTY ? stderr : undefined,
                  },
                  output,
                ),
              );
            },
          )
          .command(
            'apply <file>',
            'Publish the file as the model’s next version (validated by the api; 409 if not above the live one)',
            (command) =>
              command
                .positional('file', MODEL_FILE)
                .example('$0 model apply models/ontraport.yaml', 'Apply it, and print what changed'),
            (argv) => remote(argv, (connection, output) => applyModel(connection, argv.file, output)),
          )
          .command(
            'list',
            'Every model of the workspace with its live version',
            (command) => command.example('$0 model list --json', 'As JSON, for scripts'),
            (argv) => remote(argv, listModels),
          )
          .command(
            'get <id>',
            'One version of a model as it was sent (the live one unless --version)',
            (command) =>
              command
                .positional('id', { type: 'string', demandOption: true, describe: 'The model id' })
                // Here --version is the model's: leadscore --version (the CLI's own) is off in this command.
                .version(false)
                .option('version', { type: 'number', describe: 'A version number (default: the live one)' })
                .example('$0 model get ontraport --version 1 > ontraport.yaml', 'The text of version 1'),
            (argv) =>
              remote(argv, (connection, output) => getModel(connection, argv.id, argv.version, output)),
          )
          .command(
            'rescore <model>',
            'Rescore every archived contact under the live version, and wait for it with its progress',
            (command) =>
              command
                .positional('model', { type: 'string', demandOption: true, describe: 'The model id' })
                .option('dry-run', {
                  type: 'boolean',
                  default: false,
                  describe: 'Only count what would change, publish and send; switch nothing',
                })
                .option('rate', {
                  type: 'number',
                  describe:
                    'Tier and stage transitions per second at most (0 < N ≤ 10000; default the api’s API_RESCORE_TRANSITIONS_PER_SECOND)',
                })
                .option('wait', {
                  type: 'boolean',
                  default: true,
                  describe: 'Wait for it to end, showing its progress (--no-wait: print it queued and exit)',
                })
                .check((argv) => {
                  const rate = argv.rate;
                  if (rate !== undefined && (!Number.isFinite(rate) || rate <= 0 || rate > 10_000))
                    return `--rate takes a number of transitions per second above 0 and at most 10000, got ${String(rate)}`;
                  return true;
                })
                .example(
                  '$0 model rescore ontraport --dry-run',
                  'What a rescore would change, before doing it',
                )
                .example('$0 model rescore ontraport --rate 10 --no-wait', 'Queue it gently and return'),
            (argv) =>
              remote(argv, (connection, output) =>
                startRescore(
                  connection,
                  argv.model,
                  {
                    dryRun: argv.dryRun,
                    rate: argv.rate,
                    wait: argv.wait,
                    terminal: !argv.json && (stderr as { isTTY?: boolean }).isTTY ? stderr : undefined,
                    intervalMs: pollIntervalOf(),
                  },
                  output,
                ),
              ),
          )
          .demandCommand(1, 'Name a model command: validate, diff, backtest, apply, list, get or rescore'),
    )
    .command('rescore', 'Rescores of a model: list, show, cancel, resume', (rescores) =>
      rescores
        .command(
          'list <model>',
          'The model’s rescores, newest first, with status and progress',
          (command) =>
            command
              .positional('model', { type: 'string', demandOption: true, describe: 'The model id' })
              .example('$0 rescore list ontraport', 'Its rescores'),
          (argv) => remote(argv, (connection, output) => listRescores(connection, argv.model, output)),
        )
        .command(
          'show <id>',
          'One rescore: status, progress, changed contacts, score changes, transitions, webhooks, history',
          (command) =>
            command.positional('id', RESCORE_ID).example('$0 rescore show 6f1c8a52-…', 'Where it stands'),
          (argv) => remote(argv, (connection, output) => showRescore(connection, argv.id, output)),
        )
        .command(
          'cancel <id>',
          'Stop a queued or running rescore before its next switch (what it switched stays)',
          (command) =>
            command.positional('id', RESCORE_ID).example('$0 rescore cancel 6f1c8a52-…', 'Stop it'),
          (argv) => remote(argv, (connection, output) => cancelRescore(connection, argv.id, output)),
        )
        .command(
          'resume <id>',
          'Queue a cancelled or failed rescore again; it goes on after its last switched contact',
          (command) =>
            command.positional('id', RESCORE_ID).example('$0 rescore resume 6f1c8a52-…', 'Continue it'),
          (argv) => remote(argv, (connection, output) => resumeRescore(connection, argv.id, output)),
        )
        .demandCommand(1, 'Name a rescore command: list, show, cancel or resume'),
    )
    .command('contact', 'A contact’s scores and why, its data export and its erasure', (contacts) =>
      contacts
        .command(
          'show <contact>',
          'Scores under every model now and as stored, with tier, grade, stage and relative score',
          (command) =>
            command
              .positional('contact', CONTACT)
              .example('$0 contact show ada@example.com', 'By email; a phone number or a key work too'),
          (argv) => remote(argv, (connection, output) => showContact(connection, argv.contact, output)),
        )
        .command(
          'explain <contact>',
          'Why: every rule’s points now, what came due since the last write, what expires when',
          (command) =>
            command
              .positional('contact', CONTACT)
              .example('$0 contact explain email:ada@example.com', 'The rules behind the score'),
          (argv) => remote(argv, (connection, output) => explainContact(connection, argv.contact, output)),
        )
        .command(
          'erase <contact>',
          'Erase the contact everywhere and keep it erased (GDPR/CCPA; admin key; asks for --yes)',
          (command) =>
            command
              .positional('contact', CONTACT)
              .option('yes', { type: 'boolean', default: false, describe: 'Yes, erase it for good' })
              .example('$0 contact erase ada@example.com --yes', 'Scores, profile, lifecycle, archive: gone'),
          (argv) =>
            remote(argv, (connection, output) => eraseContact(connection, argv.contact, argv.yes, output)),
        )
        .command(
          'export <contact>',
          'Everything held about the contact as one JSON document (the right of access; admin key)',
          (command) =>
            command
              .positional('contact', CONTACT)
              .option('output', { alias: 'o', type: 'string', describe: 'Write it to this file' })
              .example(
                '$0 contact export ada@example.com -o ada.json',
                'Profile, scores, events, deliveries',
              ),
          (argv) =>
            remote(argv, (connection, output) =>
              exportContact(connection, argv.contact, argv.output, output),
            ),
        )
        .demandCommand(1, 'Name a contact command: show, explain, erase or export'),
    )
    .command(
      'leaderboard <model>',
      'A model’s contacts, highest score first, with relative score, tier and stage (one page)',
      (command) =>
        command
          .positional('model', { type: 'string', demandOption: true, describe: 'The model id' })
          .option('limit', { type: 'number', describe: 'Contacts per page (1–200, default 50)' })
          .option('cursor', { type: 'string', describe: 'Where the previous page said the next one starts' })
          .option('tier', { type: 'string', describe: 'Tiers to keep, comma-separated (hot,warm,cold,none)' })
          .option('grade', { type: 'string', describe: 'Grades to keep, comma-separated' })
          .option('stage', {
            type: 'string',
            describe: 'Stages to keep, comma-separated (lead,recycled,mql,sql)',
          })
          .option('updated-since', {
            type: 'string',
            describe: 'Only contacts written at or after this time',
          })
          .example('$0 leaderboard ontraport --tier hot --stage mql', 'The hot MQLs first'),
      (argv) =>
        remote(argv, (connection, output) =>
          showLeaderboard(
            connection,
            argv.model,
            {
              limit: argv.limit,
              cursor: argv.cursor,
              tier: argv.tier,
              grade: argv.grade,
              stage: argv.stage,
              updatedSince: argv.updatedSince,
            },
            output,
          ),
        ),
    )
    .command(
      'account',
      'Accounts (companies): a model’s account leaderboard, an account and its members',
      (accounts) =>
        accounts
          .command(
            'list',
            'A model’s accounts, highest total first, with relative score, tier, grade, members and stage (one page)',
            (command) =>
              command
                .option('model', ACCOUNT_MODEL)
                .option('stage', { choices: ACCOUNT_STAGES, describe: 'Only accounts in this stage' })
                .option('tier', {
                  type: 'string',
                  describe: 'Only accounts in this tier: cold, warm, hot or a named account tier',
                })
                .options(ACCOUNT_PAGING)
                .check(checkPaging)
                .example('$0 account list --model b2b --stage mqa', 'The marketing-qualified accounts'),
            (argv) =>
              remote(argv, (connection, output) =>
                listAccounts(
                  connection,
                  argv.model,
                  { stage: argv.stage, tier: argv.tier, limit: argv.limit, offset: argv.offset },
                  output,
                ),
              ),
          )
          .command(
            'show <account>',
            'Its traits and, under every model, scores, stage, roll-up and why: its highest members, its fit rules',
            (command) =>
              command
                .positional('account', ACCOUNT)
                .example('$0 account show acme.com', 'An account made of its members’ email domain'),
            (argv) => remote(argv, (connection, output) => showAccount(connection, argv.account, output)),
          )
          .command(
            'members <account>',
            'The account’s members under a model, highest engagement first (one page)',
            (command) =>
              command
                .positional('account', ACCOUNT)
                .option('model', ACCOUNT_MODEL)
                .options(ACCOUNT_PAGING)
                .check(checkPaging)
                .example('$0 account members acme.com --model b2b', 'Who drives the account’s engagement'),
            (argv) =>
              remote(argv, (connection, output) =>
                listAccountMembers(
                  connection,
                  argv.account,
                  argv.model,
                  { limit: argv.limit, offset: argv.offset },
                  output,
                ),
              ),
          )
          .demandCommand(1, 'Name an account command: list, show or members'),
    )
    .command(
      'send [file]',
      'Send events from a JSON array or NDJSON file (or stdin) to ingest, in batches, with each rejection’s line',
      (command) =>
        command
          .positional('file', {
            type: 'string',
            default: '-',
            describe: 'A .json array of events or NDJSON, one event per line; - or nothing for stdin',
          })
          .option('batch-size', {
            type: 'number',
            default: DEFAULT_SEND_SETTINGS.batchSize,
            describe: 'Events per request (ingest takes up to INGEST_MAX_BATCH_EVENTS, 500)',
          })
          .option('batch-bytes', {
            type: 'number',
            default: DEFAULT_SEND_SETTINGS.batchBytes,
            describe: 'Bytes per request (under ingest’s INGEST_BODY_LIMIT_BYTES, 524288)',
          })
          .option('concurrency', {
            type: 'number',
            default: DEFAULT_SEND_SETTINGS.concurrency,
            describe: 'Requests in flight; a contact’s events stay in file order',
          })
          .option('retries', {
            type: 'number',
            default: DEFAULT_SEND_SETTINGS.retries,
            describe: 'Retries of a request answered 429, 502–504 or not at all',
          })
          .check((argv) => {
            for (const name of ['batch-size', 'batch-bytes', 'concurrency'] as const)
              if (!Number.isInteger(argv[name]) || argv[name] < 1)
                return `--${name} takes a whole number of at least 1, got ${String(argv[name])}`;
            if (!Number.isInteger(argv.retries) || argv.retries < 0)
              return `--retries takes a whole number of at least 0, got ${String(argv.retries)}`;
            return true;
          })
          .example('$0 send events.ndjson', 'Send a file, with a progress bar on a terminal')
          .example('cat events.json | $0 send --json', 'From stdin, the report as JSON'),
      (argv) =>
        remote(argv, (connection, output) =>
          sendEvents(
            connection,
            argv.file,
            {
              batchSize: argv.batchSize,
              batchBytes: argv.batchBytes,
              concurrency: argv.concurrency,
              retries: argv.retries,
              progress: !argv.json && (stderr as { isTTY?: boolean }).isTTY ? stderr : undefined,
            },
            output,
          ),
        ),
    )
    .command('key', 'The workspace’s API keys: create, list, revoke', (keys) =>
      keys
        .command(
          'create',
          'A new key (admin); the whole key is shown once',
          (command) =>
            command
              .option('kind', { choices: ['secret', 'publishable'] as const, default: 'secret' as const })
              .option('scope', {
                type: 'array',
                string: true,
                choices: ['events:write', 'read', 'models:write', 'admin'],
                describe: 'Scopes (repeat; default events:write, and read for a secret key)',
              })
              .option('name', { type: 'string', describe: 'What the key is for' })
              .example('$0 key create --scope read --name "CRM sync"', 'A read-only key for a CRM'),
          (argv) =>
            remote(argv, (connection, output) =>
              createKey(connection, { kind: argv.kind, scopes: argv.scope, name: argv.name }, output),
            ),
        )
        .command(
          'list',
          'Every key of the workspace, by prefix',
          (command) => command.example('$0 key list --json', 'As JSON'),
          (argv) => remote(argv, listKeys),
        )
        .command(
          'revoke <id>',
          'Revoke a key (admin): refused from the next request on',
          (command) =>
            command
              .positional('id', { type: 'string', demandOption: true, describe: 'The key id (key list)' })
              .example('$0 key revoke 3f9c2a…', 'Revoke it'),
          (argv) => remote(argv, (connection, output) => revokeKey(connection, argv.id, output)),
        )
        .demandCommand(1, 'Name a key command: create, list or revoke'),
    )
    .command(
      'user',
      'People of the workspace who sign in to the console: invite, list, role, remove',
      (users) =>
        users
          .command(
            'invite <email>',
            'Invite someone to the console (admin); the link is shown once',
            (command) =>
              command
                .positional('email', { type: 'string', demandOption: true, describe: 'Their email address' })
                .option('role', {
                  choices: CONSOLE_ROLES,
                  default: 'viewer' as const,
                  describe:
                    'viewer reads; editor also applies models; admin also manages users, keys, webhooks',
                })
                .example(
                  '$0 user invite grace@example.com --role admin',
                  "A new workspace's first console admin",
                ),
            (argv) =>
              remote(argv, (connection, output) =>
                inviteUser(connection, { email: argv.email, role: argv.role }, output),
              ),
          )
          .command(
            'list',
            'The console users and open invitations (admin)',
            (command) => command.example('$0 user list --json', 'As JSON'),
            (argv) => remote(argv, listUsers),
          )
          .command(
            'role <id> <role>',
            "Change a user's role (admin); the last admin stays one",
            (command) =>
              command
                .positional('id', { type: 'string', demandOption: true, describe: 'The user id (user list)' })
                .positional('role', { choices: CONSOLE_ROLES, demandOption: true })
                .example('$0 user role usr_3f9c… editor', 'Let them apply models'),
            (argv) =>
              remote(argv, (connection, output) => changeUserRole(connection, argv.id, argv.role, output)),
          )
          .command(
            'remove <id>',
            'Remove a user (admin); their sessions end at once',
            (command) =>
              command.positional('id', {
                type: 'string',
                demandOption: true,
                describe: 'The user id (user list)',
              }),
            (argv) => remote(argv, (connection, output) => removeUser(connection, argv.id, output)),
          )
          .demandCommand(1, 'Name a user command: invite, list, role or remove'),
    )
    .command(
      'webhook',
      'CRM webhook subscriptions (Standard Webhooks): add, list, test, deliveries, replay, rotate-secret',
      (webhooks) =>
        webhooks
          .command(
            'add <receiver>',
            'Subscribe a receiver (admin); its signing secret is shown once',
            (command) =>
              command
                .positional('receiver', {
                  type: 'string',
                  demandOption: true,
                  describe: 'The receiver (https outside development)',
                })
                .option('event', {
                  type: 'array',
                  string: true,
                  demandOption: true,
                  choices: ['tier', 'stage', 'score', 'account-tier', 'account-stage', 'account-score'],
                  describe:
                    "What to receive (repeat): contacts' tier, stage and score changes, and accounts'",
                })
                .option('tier', {
                  type: 'array',
                  string: true,
                  describe:
                    'Only transitions into these tiers: cold, warm or hot, or a named tier of a model (e.g. sales-ready)',
                })
                .option('stage', {
                  type: 'array',
                  string: true,
                  choices: ['lead', 'recycled', 'mql', 'sql', 'mqa'],
                  describe: 'Only transitions into these stages (mqa: marketing-qualified accounts)',
                })
                .option('description', { type: 'string' })
                .example(
                  '$0 webhook add https://crm.example.com/hooks --event stage --stage mql --stage sql',
                  'MQL and SQL hand-offs',
                ),
            (argv) =>
              remote(argv, (connection, output) =>
                addWebhook(
                  connection,
                  {
                    url: argv.receiver,
                    events: argv.event as CreateWebhookRequest['events'],
                    ...(argv.tier ? { tiers: argv.tier } : {}),
                    ...(argv.stage
                      ? { stages: argv.stage as NonNullable<CreateWebhookRequest['stages']> }
                      : {}),
                    ...(argv.description ? { description: argv.description } : {}),
                  },
                  output,
                ),
              ),
          )
          .command(
            'list',
            'Every subscription of the workspace',
            (command) => command.example('$0 webhook list --json', 'As JSON'),
            (argv) => remote(argv, listWebhooks),
          )
          .command(
            'test <id>',
            'Send a signed ping now; exit 8 when the receiver does not answer 2xx',
            (command) =>
              command.positional('id', WEBHOOK_ID).example('$0 webhook test wh_…', 'Check the receiver'),
            (argv) => remote(argv, (connection, output) => testWebhook(connection, argv.id, output)),
          )
          .command(
            'deliveries <id>',
            'The delivery log, newest first, with every attempt',
            (command) =>
              command
                .positional('id', WEBHOOK_ID)
                .option('status', { choices: ['pending', 'delivered', 'dead'] as const })
                .option('cursor', {
                  type: 'string',
                  describe: 'Where the previous page said older ones start',
                })
                .example('$0 webhook deliveries wh_… --status dead', 'What could not be delivered'),
            (argv) =>
              remote(argv, (connection, output) =>
                listDeliveries(connection, argv.id, { status: argv.status, cursor: argv.cursor }, output),
              ),
          )
          .command(
            'replay <id>',
            'Send dead-lettered deliveries again (admin): all of them, or one with --delivery',
            (command) =>
              command
                .positional('id', WEBHOOK_ID)
                .option('delivery', { type: 'string', describe: 'One delivery id (webhook deliveries)' })
                .example('$0 webhook replay wh_…', 'Every dead delivery of the subscription'),
            (argv) =>
              remote(argv, (connection, output) => replayWebhook(connection, argv.id, argv.delivery, output)),
          )
          .command(
            'rotate-secret <id>',
            'A new signing secret (shown once); the previous one also signs during the overlap',
            (command) =>
              command
                .positional('id', WEBHOOK_ID)
                .option('overlap-seconds', {
                  type: 'number',
                  describe: 'How long the previous secret still signs',
                })
                .example(
                  '$0 webhook rotate-secret wh_… --overlap-seconds 3600',
                  'An hour to switch the receiver',
                ),
            (argv) =>
              remote(argv, (connection, output) =>
                rotateWebhookSecret(connection, argv.id, argv.overlapSeconds, output),
              ),
          )
          .demandCommand(1, 'Name a webhook command: add, list, test, deliveries, replay or rotate-secret'),
    )
    .command('workspace', 'Workspaces (operator): create, list', (workspaces) =>
      workspaces
        .command(
          'create <id>',
          'A new workspace and its first admin key (shown once), with the api’s OPERATOR_TOKEN',
          (command) =>
            command
              .positional('id', {
                type: 'string',
                demandOption: true,
                describe: 'a-z, 0-9, _ and -, up to 64',
              })
              .option('name', { type: 'string', demandOption: true, describe: 'The workspace’s name' })
              .option('operator-token', OPERATOR_TOKEN)
              .example(
                '$0 workspace create acme --name "ACME Inc." --operator-token "$(cat .local/operator-token)"',
                'Bootstrap a workspace',
              ),
          (argv) =>
            remote(argv, (connection, output) =>
              createWorkspace(connection, argv.operatorToken, { id: argv.id, name: argv.name }, output),
            ),
        )
        .command(
          'list',
          'Every workspace, by id, with the api’s OPERATOR_TOKEN',
          (command) =>
            command
              .option('operator-token', OPERATOR_TOKEN)
              .example(
                'LEADSCORE_OPERATOR_TOKEN="$(cat .local/operator-token)" $0 workspace list',
                'List them',
              ),
          (argv) =>
            remote(argv, (connection, output) => listWorkspaces(connection, argv.operatorToken, output)),
        )
        .demandCommand(1, 'Name a workspace command: create or list'),
    )
    .demandCommand(1, 'Name a command (leadscore --help lists them)')
    .strict()
    .completion(
      'completion',
      'Print a shell completion script (bash or zsh): leadscore completion >> ~/.bashrc',
    )
    .help()
    .alias('help', 'h')
    .version(VERSION)
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
    // A command's .check() that returns its message makes yargs 18 reject with that very string.
    const usage = error instanceof UsageError ? error.message : typeof error === 'string' ? error : undefined;
    if (usage === undefined) throw error;
    stderr.write(`${usage}\n\nRun with --help for the commands and options.\n`);
    return ExitCode.usage;
  }
  return status;
}
