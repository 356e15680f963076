import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Framework imports stay in their one folder (DESIGN.md); the domain folders stay framework-free. */
const frameworks = {
  botbuilder: { pattern: ['botbuilder', 'botbuilder-*', 'botframework-*'], home: 'src/bot/' },
  express: { pattern: ['express'], home: 'src/server/' },
  react: { pattern: ['react', 'react-dom', 'react-dom/*', '@fluentui/*', '@microsoft/teams-js'], home: 'src/tab/' },
  graph: { pattern: ['@microsoft/microsoft-graph-client', '@azure/msal-node'], home: 'src/housekeeping/sources/' },
  database: { pattern: ['pg', '@electric-sql/pglite', '@electric-sql/pglite/*'], home: 'src/store/' },
};

function restrictedImports(allowedHome) {
  const patterns = Object.entries(frameworks)
    .filter(([, { home }]) => home !== allowedHome)
    .map(([name, { pattern, home }]) => ({
      group: pattern,
      message: `${name} belongs in ${home} only (DESIGN.md: one folder per framework).`,
    }));
  return { '@typescript-eslint/no-restricted-imports': ['error', { patterns }] };
}
const homes = Object.values(frameworks).map((f) => f.home);

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'appPackage/', 'coverage/', 'data/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  { files: ['src/tab/**/*.{ts,tsx}'], languageOptions: { globals: { ...globals.browser } } },
  // One block per framework folder (it may import its own framework, no other), one for the rest of src/.
  ...homes.map((home) => ({ files: [`${home}**/*.{ts,tsx}`], rules: restrictedImports(home) })),
  { files: ['src/**/*.{ts,tsx}'], ignores: homes.map((home) => `${home}**`), rules: restrictedImports(null) },
);
