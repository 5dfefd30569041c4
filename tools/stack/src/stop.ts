// `npm stop`: asks a running `npm start` to stop everything it started, and waits until it has.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { stackSettings } from './stack-settings.js';

const { stateFile } = stackSettings();
if (!existsSync(stateFile)) {
  process.stdout.write('the local stack is not running\n');
  process.exit(0);
}
const { pid } = JSON.parse(readFileSync(stateFile, 'utf8')) as { pid: number };
const alive = () => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
if (!alive()) {
  rmSync(stateFile, { force: true });
  process.stdout.write('the local stack is not running (removed a stale state file)\n');
  process.exit(0);
}
process.kill(pid, 'SIGTERM');
const deadline = Date.now() + 60_000;
while (alive()) {
  if (Date.now() > deadline) {
    process.stderr.write(`the stack (pid ${pid}) did not stop within 60 s\n`);
    process.exit(1);
  }
  await new Promise((r) => setTimeout(r, 200));
}
process.stdout.write('the local stack stopped\n');
