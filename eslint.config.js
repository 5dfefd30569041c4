// ESLint flat config: type-aware TypeScript rules, plus the dependency direction between projects.
// Each package's package.json carries `nx.tags` (type:domain | type:infra | type:app | type:tool); the
// rules below turn those tags into import restrictions, since no Nx 24 ESLint plugin exists yet.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = import.meta.dirname;
const projects = ['apps', 'libs', 'services', 'tools']
  .flatMap((group) =>
    existsSync(join(root, group)) ? readdirSync(join(root, group)).map((d) => join(group, d)) : [],
  )
  .filter((dir) => existsSync(join(root, dir, 'package.json')))
  .map((dir) => {
    const pkg = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8'));
    return { dir, name: pkg.name, tags: pkg.nx?.tags ?? [] };
  });

const namesWithTag = (tag) => projects.filter((p) => p.tags.includes(tag)).map((p) => p.name);

/** Which tags a project of each type may import. */
const allowedTags = {
  'type:domain': ['type:domain'],
  'type:infra': ['type:domain', 'type:infra'],
  'type:app': ['type:domain', 'type:infra'],
  'type:tool': ['type:domain', 'type:infra', 'type:tool'],
};

/** Third-party packages only one library may import (CONVENTIONS.md: swapping a client touches one place). */
const ownedPackages = [
  { packages: ['kafkajs'], owners: ['@leadscore/kafka', '@leadscore/bench'] },
  { packages: ['@clickhouse/client', 'chdb', 'chdb/connection'], owners: ['@leadscore/analytics'] },
  { packages: ['typeorm', '@nestjs/typeorm'], owners: ['@leadscore/persistence'] },
];

const frameworkPackages = [
  '@nestjs/*',
  'kafkajs',
  'typeorm',
  'pg',
  '@clickhouse/client',
  'chdb',
  'fastify',
  'pino',
  'prom-client',
];

function restrictionsFor(project) {
  const type = project.tags.find((t) => t.startsWith('type:')) ?? 'type:app';
  const allowed = new Set((allowedTags[type] ?? []).flatMap(namesWithTag));
  const forbiddenProjects = projects
    .filter((p) => p.name !== project.name && !allowed.has(p.name))
    .map((p) => ({
      name: p.name,
      message: `${project.name} (${type}) must not depend on ${p.name} (${p.tags.join(', ')})`,
    }));
  const forbiddenPackages = ownedPackages
    .filter((o) => !o.owners.includes(project.name))
    .flatMap((o) =>
      o.packages.map((name) => ({ name, message: `only ${o.owners.join(' and ')} may import ${name}` })),
    );
  const patterns = [
    { group: ['@leadscore/*/*'], message: 'import a library through its public API (src/index.ts)' },
  ];
  const paths = [...forbiddenProjects, ...forbiddenPackages];
  const everywhere = {
    files: [`${project.dir}/**/*.{ts,tsx}`],
    rules: { 'no-restricted-imports': ['error', { paths, patterns }] },
  };
  if (project.name !== '@leadscore/scoring') return [everywhere];
  // The engine is pure; its tests may read fixture files (test/example-models.int-spec.ts reads the examples).
  const pure = [
    { group: frameworkPackages, message: 'libs/scoring is pure: no I/O or framework imports' },
    { group: ['node:*', 'fs', 'net', 'http', 'child_process'], message: 'libs/scoring is pure: no I/O' },
  ];
  return [
    everywhere,
    {
      files: [`${project.dir}/src/**/*.ts`],
      rules: { 'no-restricted-imports': ['error', { paths, patterns: [...patterns, ...pure] }] },
    },
  ];
}

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '.nx/**',
      '.local/**',
      '**/generated/**',
      'tools/kafka/lib/**',
      '**/*.cjs',
      '**/*.js',
      '**/*.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: root },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', 'tools/**/*.ts'],
    rules: { 'no-console': 'off', '@typescript-eslint/unbound-method': 'off' },
  },
  ...projects.flatMap(restrictionsFor),
);
