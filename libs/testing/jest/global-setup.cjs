// Loaded by jest as CommonJS without the workspace module mapping, so it is self-contained: it builds
// libs/testing with swc and runs its test-infrastructure process, which starts one Kafka and one
// PostgreSQL for the whole run. Their addresses reach the test workers through process.env.
const { execFileSync, spawn } = require('node:child_process');
const { join } = require('node:path');
const readline = require('node:readline');

const root = join(__dirname, '../../..');
const testingDir = join(__dirname, '..');

module.exports = async function globalSetup() {
  if (process.env.LEADSCORE_TEST_KAFKA_BROKERS && process.env.LEADSCORE_TEST_DATABASE_URL) return;
  // The infrastructure process imports libs/testing and libs/analytics as built JavaScript.
  for (const dir of [testingDir, join(root, 'libs/analytics')]) {
    execFileSync(
      join(root, 'node_modules/.bin/swc'),
      [
        'src',
        '-d',
        'dist',
        '--strip-leading-paths',
        '--config-file',
        '../../.swcrc',
        '--ignore',
        '**/*.spec.ts',
        '-q',
      ],
      { cwd: dir, stdio: 'inherit' },
    );
  }
  const child = spawn(process.execPath, [join(testingDir, 'dist/bin/test-infrastructure.js')], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const addresses = await new Promise((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout });
    lines.once('line', (line) => {
      try {
        resolve(JSON.parse(line));
      } catch (error) {
        reject(new Error(`test infrastructure printed something unexpected: ${line}`));
      }
    });
    child.once('exit', (code) =>
      reject(new Error(`test infrastructure exited with code ${code} before it was ready`)),
    );
  });
  child.removeAllListeners('exit');
  process.env.LEADSCORE_TEST_KAFKA_BROKERS = addresses.kafkaBrokers;
  process.env.LEADSCORE_TEST_DATABASE_URL = addresses.databaseUrl;
  globalThis.__LEADSCORE_TEST_INFRASTRUCTURE__ = child;
};
