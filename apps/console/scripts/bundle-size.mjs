#!/usr/bin/env node
// The console's first-load budget: the entry chunk and every chunk it imports statically (not the lazy
// ones, such as the CodeMirror model editor), gzipped at level 9 as a CDN would serve them.
//   node scripts/bundle-size.mjs            after `vite build`; exit 1 over budget
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 200;
const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
/** @type {Record<string, {file: string, isEntry?: boolean, imports?: string[], dynamicImports?: string[]}>} */
const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'));

const gzipped = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
const isJs = (file) => /\.m?js$/.test(file);

const entries = Object.keys(manifest).filter((key) => manifest[key].isEntry);
if (entries.length === 0) {
  console.error('console: no entry chunk in dist/.vite/manifest.json');
  process.exit(1);
}

const firstLoad = new Set();
const visit = (key) => {
  if (firstLoad.has(key) || !manifest[key]) return;
  firstLoad.add(key);
  for (const imported of manifest[key].imports ?? []) visit(imported);
};
entries.forEach(visit);

const firstFiles = new Set([...firstLoad].map((key) => manifest[key].file).filter(isJs));
const lazyFiles = new Set(
  Object.values(manifest)
    .map((chunk) => chunk.file)
    .filter((file) => isJs(file) && !firstFiles.has(file)),
);

const sum = (files) => [...files].reduce((total, file) => total + gzipped(file), 0);
const kb = (bytes) => (bytes / 1024).toFixed(1);
const first = sum(firstFiles);
const lazy = sum(lazyFiles);

console.log(
  `console: first load ${kb(first)} KB gzipped JavaScript (budget ${BUDGET_KB} KB); lazy chunks ${kb(lazy)} KB`,
);
if (first > BUDGET_KB * 1024) {
  console.error(`console: the first load is ${kb(first - BUDGET_KB * 1024)} KB over budget`);
  process.exit(1);
}
