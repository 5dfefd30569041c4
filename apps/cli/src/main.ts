#!/usr/bin/env node
import { runCli } from './cli.js';
import { ExitCode } from './exit-codes.js';

try {
  process.exitCode = await runCli(process.argv.slice(2));
} catch (error) {
  process.stderr.write(
    `leadscore: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = ExitCode.unexpected;
}
