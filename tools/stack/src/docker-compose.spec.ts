import { describe, expect, it } from '@jest/globals';
import { SERVICE_CONFIG_VARIABLES, SERVICE_NAMES, type ServiceName } from '@leadscore/config';
import { workspaceRoot } from '@leadscore/testing';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { discoverServices } from './service-catalog.js';

interface ComposeService {
  build?: unknown;
  image?: string;
  command?: string[];
  environment?: Record<string, string | number>;
  ports?: string[];
}

const root = workspaceRoot();
const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, ComposeService>;
};
const prometheus = parse(readFileSync(join(root, 'deploy/prometheus/prometheus.yml'), 'utf8')) as {
  scrape_configs: { static_configs: { targets: string[] }[] }[];
};
const services = discoverServices(root);
const isServiceName = (name: string): name is ServiceName =>
  (SERVICE_NAMES as readonly string[]).includes(name);

describe('docker-compose.yml', () => {
  it('runs every leadscore service the repository has, on its documented port', () => {
    for (const service of services) {
      const entry = compose.services[service.name];
      expect(entry).toBeDefined();
      expect(entry?.command).toEqual(['node', `services/${service.dir.split('/').pop()}/dist/main.js`]);
      expect(entry?.environment?.['PORT']).toBe(service.port);
      // Published on every interface, except analytics: its /internal routes trust the workspace the api
      // names, so it is reachable from this host only (Prometheus scrapes it inside the network).
      const published =
        service.name === 'analytics'
          ? `127.0.0.1:${service.port}:${service.port}`
          : `${service.port}:${service.port}`;
      expect(entry?.ports).toContain(published);
    }
  });

  it('starts only programs that exist in this repository', () => {
    for (const [name, entry] of Object.entries(compose.services)) {
      if (!entry.build) continue;
      const script = entry.command?.[1] ?? '';
      const source = script.replace('/dist/', '/src/').replace(/\.js$/, '.ts');
      expect({ name, exists: existsSync(join(root, source)) }).toEqual({ name, exists: true });
    }
  });

  it('sets only environment variables the service reads (libs/config)', () => {
    for (const service of services) {
      const entry = compose.services[service.name];
      expect(isServiceName(service.name)).toBe(true);
      if (!isServiceName(service.name) || !entry) continue;
      const known = new Set(SERVICE_CONFIG_VARIABLES[service.name]);
      const unknown = Object.keys(entry.environment ?? {}).filter((name) => !known.has(name));
      expect({ service: service.name, unknown }).toEqual({ service: service.name, unknown: [] });
    }
  });

  it('points every service that reads them at the compose Kafka and PostgreSQL', () => {
    for (const service of services) {
      const entry = compose.services[service.name];
      if (!isServiceName(service.name) || !entry) continue;
      const reads = new Set(SERVICE_CONFIG_VARIABLES[service.name]);
      const wiring = {
        ...(reads.has('KAFKA_BROKERS') ? { KAFKA_BROKERS: 'kafka:9092' } : {}),
        ...(reads.has('DATABASE_URL')
          ? { DATABASE_URL: 'postgres://postgres:postgres@postgres:5432/leadscore' }
          : {}),
      };
      expect({ service: service.name, environment: entry.environment }).toMatchObject({
        service: service.name,
        environment: wiring,
      });
    }
  });

  it('has Prometheus scrape every service', () => {
    const targets = prometheus.scrape_configs.flatMap((c) => c.static_configs.flatMap((s) => s.targets));
    expect(targets.sort()).toEqual(services.map((s) => `${s.name}:${s.port}`).sort());
  });
});
