/** Tests run the TypeScript sources through swc (with decorator metadata for type-graphql). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/server', '<rootDir>/client', '<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  testTimeout: 60000,
  // See scripts/run-tests.mjs: the one worker starts afresh when it holds more than this.
  workerIdleMemoryLimit: '1GB',
  setupFiles: ['<rootDir>/test/setup-env.js'],
};
