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
const homes = Object.values(frameworks).map((f) => f.home);

/** The domain owns its types: it imports none of the layers around it (DESIGN.md, Layers). */
const domain = ['src/vision/', 'src/quickcheck/', 'src/housekeeping/'];
const outerLayers = ['api', 'server', 'bot', 'tab', 'cli', 'app', 'store'];

/** The restricted imports of one file group: the frameworks not at home there, and the outer layers in the domain. */
function restrictedImports({ home = null, inDomain = false }) {
  const patterns = Object.entries(frameworks)
    .filter(([, f]) => f.home !== home)
    .map(([name, f]) => ({
      group: f.pattern,
      message: `${name} belongs in ${f.home} only (DESIGN.md: one folder per framework).`,
    }));
  if (inDomain)
    patterns.push(
      ...outerLayers.map((layer) => ({
        // Relative imports climbing out of the domain folder into src/<layer>: '../api/x.js', '../../store/index.js'.
        regex: `^(\\.\\./)+${layer}(/|$)`,
        message: `The domain owns its types: no import from src/${layer} (DESIGN.md).`,
      })),
    );
  return { '@typescript-eslint/no-restricted-imports': ['error', { patterns }] };
}

/**
 * Each file of src/ in exactly one group, since in flat config a later block's no-restricted-imports replaces an
 * earlier one for the same file: each framework home, the rest of each domain folder, the rest of src/.
 */
const insideDomain = (folder) => domain.some((d) => folder.startsWith(d));
const importGroups = [
  ...homes.map((home) => ({
    files: [`${home}**/*.{ts,tsx}`],
    rules: restrictedImports({ home, inDomain: insideDomain(home) }),
  })),
  ...domain.map((folder) => ({
    files: [`${folder}**/*.{ts,tsx}`],
    ignores: homes.filter((home) => home.startsWith(folder)).map((home) => `${home}**`),
    rules: restrictedImports({ inDomain: true }),
  })),
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: [...homes, ...domain].map((folder) => `${folder}**`),
    rules: restrictedImports({}),
  },
];

/**
 * SQL only in src/store/ (the repositories): a string or template that starts as a statement is SQL (so a text for
 * people does not start with "select "); a template may interpolate the table right after "update ". Tests are not
 * covered: they may use SQL.
 */
const sqlStart = String.raw`^\s*(select\s|insert\s+into\s|update\s+\S+\s+set\s|delete\s+from\s|(create|alter|drop)\s+table\s)`;
const sqlHead = String.raw`^\s*update\s+$`;
const sqlMessage = 'SQL belongs in src/store/ (a repository); elsewhere, call the repository (DESIGN.md).';
const noSqlOutsideStore = {
  files: ['src/**/*.{ts,tsx}'],
  ignores: ['src/store/**'],
  rules: {
    'no-restricted-syntax': [
      'error',
      { selector: `Literal[value=/${sqlStart}/i]`, message: sqlMessage },
      { selector: `TemplateLiteral > TemplateElement:first-child[value.raw=/${sqlStart}/i]`, message: sqlMessage },
      { selector: `TemplateLiteral > TemplateElement:first-child[value.raw=/${sqlHead}/i]`, message: sqlMessage },
    ],
  },
};

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
  ...importGroups,
  noSqlOutsideStore,
);
