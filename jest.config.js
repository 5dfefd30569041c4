// One jest run for the whole workspace: each package is a jest project, and the real infrastructure
// (Kafka, PostgreSQL) is started once per run by the global setup and shared through process.env.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = import.meta.dirname;
const packageDirs = ['apps', 'libs', 'services', 'tools']
  .flatMap((group) =>
    existsSync(join(root, group)) ? readdirSync(join(root, group)).map((d) => join(group, d)) : [],
  )
  .filter((dir) => existsSync(join(root, dir, 'package.json')));

const packages = packageDirs.map((dir) => ({
  dir,
  name: JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')).name,
}));

const workspaceModules = Object.fromEntries(
  packages.map(({ dir, name }) => [`^${name.replace('/', '\\/')}$`, join(root, dir, 'src/index.ts')]),
);

const swc = [
  '@swc/jest',
  {
    jsc: {
      target: 'es2023',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      keepClassNames: true,
    },
    module: { type: 'es6' },
  },
];

/** @type {import('jest').Config} */
const config = {
  globalSetup: join(root, 'libs/testing/jest/global-setup.cjs'),
  globalTeardown: join(root, 'libs/testing/jest/global-teardown.cjs'),
  testTimeout: 120_000,
  projects: packages
    .filter(({ dir }) => existsSync(join(root, dir, 'src')) || existsSync(join(root, dir, 'test')))
    .map(({ dir, name }) => ({
      displayName: name,
      rootDir: join(root, dir),
      testEnvironment: 'node',
      extensionsToTreatAsEsm: ['.ts'],
      transform: { '^.+\\.ts$': swc },
      resolver: join(root, 'libs/testing/jest/resolver.cjs'),
      moduleNameMapper: workspaceModules,
      testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.int-spec.ts'],
      testPathIgnorePatterns: ['/node_modules/', '/dist/'],
    }))
    .concat(
      existsSync(join(root, 'tests'))
        ? [
            {
              displayName: 'e2e',
              rootDir: join(root, 'tests'),
              testEnvironment: 'node',
              extensionsToTreatAsEsm: ['.ts'],
              transform: { '^.+\\.ts$': swc },
              resolver: join(root, 'libs/testing/jest/resolver.cjs'),
              moduleNameMapper: workspaceModules,
              testMatch: ['<rootDir>/**/*.e2e-spec.ts', '<rootDir>/**/*.int-spec.ts'],
            },
          ]
        : [],
    ),
};

export default config;
