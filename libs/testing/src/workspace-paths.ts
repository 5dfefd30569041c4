import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, found by walking up from this file to the folder holding nx.json. */
export function workspaceRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'nx.json'))) {
    const parent = dirname(dir);
    if (parent === dir)
      throw new Error('cannot find the leadscore workspace root (no nx.json above this file)');
    dir = parent;
  }
  return dir;
}

/** Where `tools/stack/setup.sh` puts the Kafka jars from Maven Central; LEADSCORE_KAFKA_LIB overrides it. */
export function kafkaLibDir(): string {
  return process.env['LEADSCORE_KAFKA_LIB'] ?? join(workspaceRoot(), 'tools/kafka/lib');
}
