import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  rmSync,
  writeFileSync,
  openSync,
  closeSync,
  readFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { freePort, waitForPort } from './free-port.js';
import { killOnExit } from './process-guard.js';
import { kafkaLibDir } from './workspace-paths.js';

export interface KafkaServerOptions {
  /** Log and metadata directory; reused when it already holds a formatted log dir. */
  dataDir: string;
  /** Client listener port; a free one when omitted. */
  port?: number;
  /** KRaft controller port; a free one when omitted. */
  controllerPort?: number;
  /** Default partitions for auto-created topics. */
  defaultPartitions?: number;
  heap?: string;
  /** Milliseconds to wait for the broker to report it started. */
  startTimeoutMs?: number;
}

export interface KafkaServer {
  readonly brokers: string[];
  readonly port: number;
  readonly pid: number;
  /** Stops the broker with SIGTERM (controlled shutdown), SIGKILL after 20 s. */
  stop(): Promise<void>;
}

const STARTED_MARKER = 'Kafka Server started';

function javaBinary(): string {
  const javaHome = process.env['JAVA_HOME'];
  return javaHome ? join(javaHome, 'bin/java') : 'java';
}

function assertKafkaInstalled(libDir: string): void {
  if (!existsSync(libDir) || !readdirSync(libDir).some((f) => f.startsWith('kafka_2.13-'))) {
    throw new Error(
      `Kafka jars not found in ${libDir}: run \`npm run setup\` (it fetches them from Maven Central with mvn)`,
    );
  }
  const java = spawnSync(javaBinary(), ['-version'], { encoding: 'utf8' });
  if (java.error || java.status !== 0) {
    throw new Error(
      'Java 17+ is needed to run Kafka: install it (`apt-get install openjdk-17-jre-headless`) or set JAVA_HOME',
    );
  }
}

function serverProperties(dataDir: string, port: number, controllerPort: number, partitions: number): string {
  return [
    'process.roles=broker,controller',
    'node.id=1',
    `controller.quorum.bootstrap.servers=127.0.0.1:${controllerPort}`,
    `listeners=PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controllerPort}`,
    `advertised.listeners=PLAINTEXT://127.0.0.1:${port},CONTROLLER://127.0.0.1:${controllerPort}`,
    'controller.listener.names=CONTROLLER',
    'inter.broker.listener.name=PLAINTEXT',
    'listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
    `log.dirs=${join(dataDir, 'logs')}`,
    `num.partitions=${partitions}`,
    'offsets.topic.replication.factor=1',
    'offsets.topic.num.partitions=4',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    'share.coordinator.state.topic.replication.factor=1',
    'share.coordinator.state.topic.min.isr=1',
    'group.initial.rebalance.delay.ms=0',
    'auto.create.topics.enable=false',
    'log.retention.hours=168',
    '',
  ].join('\n');
}

function log4jConfig(logFile: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<Configuration status="WARN">
  <Appenders>
    <File name="file" fileName="${logFile}" append="true">
      <PatternLayout pattern="[%d] %p %m (%c)%n"/>
    </File>
  </Appenders>
  <Loggers>
    <Logger name="kafka" level="INFO"/>
    <Logger name="org.apache.kafka" level="INFO"/>
    <Logger name="state.change.logger" level="WARN"/>
    <Logger name="kafka.request.logger" level="WARN"/>
    <Root level="WARN"><AppenderRef ref="file"/></Root>
  </Loggers>
</Configuration>
`;
}

function runStorageTool(classpath: string, args: string[]): string {
  const result = spawnSync(javaBinary(), ['-cp', classpath, 'kafka.tools.StorageTool', ...args], {
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    throw new Error(`kafka StorageTool ${args[0]} failed: ${result.stderr || result.stdout}`);
  }
  return result.stdout.trim();
}

/**
 * Starts a single-node KRaft Kafka broker from the official jars. The data dir is formatted on first
 * use and reused afterwards, so the local stack keeps its topics across restarts.
 */
export async function startKafkaServer(options: KafkaServerOptions): Promise<KafkaServer> {
  const libDir = kafkaLibDir();
  assertKafkaInstalled(libDir);
  const classpath = `${libDir}/*`;
  const port = options.port ?? (await freePort());
  const controllerPort = options.controllerPort ?? (await freePort());
  const { dataDir } = options;
  mkdirSync(dataDir, { recursive: true });

  const propertiesFile = join(dataDir, 'server.properties');
  const logFile = join(dataDir, 'server.log');
  const log4jFile = join(dataDir, 'log4j2.xml');
  writeFileSync(
    propertiesFile,
    serverProperties(dataDir, port, controllerPort, options.defaultPartitions ?? 3),
  );
  writeFileSync(log4jFile, log4jConfig(logFile));

  if (!existsSync(join(dataDir, 'logs', 'meta.properties'))) {
    rmSync(join(dataDir, 'logs'), { recursive: true, force: true });
    const clusterId = runStorageTool(classpath, ['random-uuid']);
    runStorageTool(classpath, ['format', '-t', clusterId, '-c', propertiesFile, '--standalone']);
  }

  // Only what the broker writes after this offset belongs to this start.
  const logOffset = existsSync(logFile) ? readFileSync(logFile).length : 0;
  const stdoutFile = openSync(join(dataDir, 'stdout.log'), 'a');
  const child: ChildProcess = spawn(
    javaBinary(),
    [
      `-Xmx${options.heap ?? '512m'}`,
      `-Xms${options.heap ?? '512m'}`,
      '-XX:+UseG1GC',
      '-Djava.awt.headless=true',
      `-Dlog4j2.configurationFile=${log4jFile}`,
      '-cp',
      classpath,
      'kafka.Kafka',
      propertiesFile,
    ],
    { stdio: ['ignore', stdoutFile, stdoutFile], detached: false },
  );
  closeSync(stdoutFile);

  let exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  const exitPromise = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exited = { code, signal };
      resolve();
    });
  });
  // SIGTERM: the broker shuts down in order on its own even after this process is gone.
  const releaseGuard = killOnExit(child, 'SIGTERM');
  const stop = async (): Promise<void> => {
    releaseGuard();
    if (exited) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    await exitPromise;
    clearTimeout(timer);
  };

  try {
    const timeoutMs = options.startTimeoutMs ?? 90_000;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (exited) {
        throw new Error(
          `Kafka exited during start (code ${String(exited.code)}, signal ${String(exited.signal)}); see ${logFile}`,
        );
      }
      const log = existsSync(logFile) ? readFileSync(logFile).subarray(logOffset).toString('utf8') : '';
      if (log.includes(STARTED_MARKER)) break;
      if (Date.now() > deadline)
        throw new Error(`Kafka did not start within ${timeoutMs} ms; see ${logFile}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    await waitForPort(port);
  } catch (error) {
    // Whatever went wrong, the broker this call started does not outlive it.
    await stop();
    throw error;
  }

  return {
    brokers: [`127.0.0.1:${port}`],
    port,
    pid: child.pid ?? -1,
    stop,
  };
}
