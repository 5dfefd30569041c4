import { readdirSync, readFileSync } from 'node:fs';

/** Pids of the running processes whose command line contains `text` (a data dir, say), from /proc. */
export function processesMentioning(text: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    let commandLine: string;
    try {
      commandLine = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ');
    } catch {
      continue; // it ended while we looked
    }
    if (commandLine.includes(text)) pids.push(Number(entry));
  }
  return pids;
}

/**
 * Resolves to the pids still mentioning `text` once none is left or `timeoutMs` passed: a broker
 * signalled to stop takes a few seconds to finish its controlled shutdown.
 */
export async function processesLeftMentioning(text: string, timeoutMs = 30_000): Promise<number[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const pids = processesMentioning(text);
    if (pids.length === 0 || Date.now() > deadline) return pids;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
