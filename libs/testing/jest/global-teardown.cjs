// Closes the test-infrastructure process's stdin: it stops Kafka and PostgreSQL and removes their files.
module.exports = async function globalTeardown() {
  const child = globalThis.__LEADSCORE_TEST_INFRASTRUCTURE__;
  if (!child || child.exitCode !== null) return;
  await new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve();
    }, 30_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.stdin.end();
  });
};
