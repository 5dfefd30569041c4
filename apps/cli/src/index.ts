export { runCli, type CliStreams } from './cli.js';
export { ExitCode, type ExitStatus } from './exit-codes.js';
