import type { ChildProcess } from 'node:child_process';

/**
 * Sends `signal` to `child` if this process exits while the child still runs: an uncaught error or a
 * `process.exit` anywhere must not leave a broker or a database behind. (A SIGKILL of this process
 * cannot be caught; the jest and `npm start` parents stop their children on stdin close or signals.)
 * Returns the function that withdraws the guard once the child is stopped the orderly way.
 */
export function killOnExit(child: ChildProcess, signal: NodeJS.Signals): () => void {
  const guard = (): void => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  process.once('exit', guard);
  return () => process.removeListener('exit', guard);
}
