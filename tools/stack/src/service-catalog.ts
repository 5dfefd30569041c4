import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A runnable service: `services/<name>/package.json` declares `"leadscore": { "service", "port" }`. */
export interface ServiceEntry {
  name: string;
  dir: string;
  port: number;
  main: string;
}

interface ServicePackageJson {
  leadscore?: { service?: string; port?: number };
}

export function discoverServices(root: string): ServiceEntry[] {
  const servicesDir = join(root, 'services');
  if (!existsSync(servicesDir)) return [];
  return readdirSync(servicesDir)
    .map((name) => join(servicesDir, name))
    .filter((dir) => existsSync(join(dir, 'package.json')))
    .flatMap((dir) => {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as ServicePackageJson;
      const declared = pkg.leadscore;
      if (!declared?.service || !declared.port) return [];
      return [{ name: declared.service, dir, port: declared.port, main: join(dir, 'dist/main.js') }];
    })
    .sort((a, b) => a.port - b.port);
}
