// Shared Jest preset: TypeScript through SWC (TypeScript 7 has no JS API, so ts-jest cannot run),
// workspace packages mapped to their sources so tests need no build first.
const path = require('node:path');
const root = __dirname;
module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/fixtures/'],
  moduleNameMapper: {
    '^@kvdoctor/diagnose$': path.join(root, 'packages/diagnose/src/index.ts'),
    '^@kvdoctor/diagnose/schema$': path.join(root, 'packages/diagnose/src/report/schema.ts'),
    '^@kvdoctor/live-check$': path.join(root, 'packages/live-check/src/index.ts'),
    '^@kvdoctor/live-check/az-json$': path.join(root, 'packages/live-check/src/from-az-json.ts'),
    '^@kvdoctor/azure-ranges$': path.join(root, 'packages/azure-ranges/src/index.ts'),
    '^@kvdoctor/azure-ranges/snapshot.json$': path.join(root, 'packages/azure-ranges/data/snapshot.json'),
  },
  setupFilesAfterEnv: [path.join(root, 'test/setup/no-console.cjs')],
};
