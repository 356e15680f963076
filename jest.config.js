/** One runner for every suite; TypeScript through @swc/jest, native ES modules (node --experimental-vm-modules). */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      target: 'es2022',
      transform: { react: { runtime: 'automatic' } },
    },
    module: { type: 'es6' },
  },
];

const common = {
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  transform: { '^.+\\.(t|j)sx?$': swc },
  moduleNameMapper: {
    '^(\\.{1,2}/.*)\\.js$': '$1',
    // See the file: Jest cannot require() an ES module from CommonJS; Node can.
    '^strip-bom$': '<rootDir>/tests/helpers/strip-bom.cjs',
  },
  testEnvironment: 'node',
};

export default {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/tests/**/*.test.ts'],
      testPathIgnorePatterns: ['\\.int\\.test\\.ts$', '/tests/e2e/'],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/tests/**/*.int.test.ts'],
      testPathIgnorePatterns: ['/tests/e2e/'],
    },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'] },
    // Component tests of the tab (React Testing Library) in a browser-like DOM.
    { ...common, displayName: 'tab', testMatch: ['<rootDir>/tests/tab/**/*.test.tsx'], testEnvironment: 'jsdom' },
  ],
  testTimeout: 30000,
  // One worker a core: jest's default leaves one core free, which on a 2-core CI machine means one suite at a time,
  // while most suites wait on child processes, the database or a browser part of their time.
  maxWorkers: '100%',
};
