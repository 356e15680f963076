/** One formatter for the whole tree (checked by npm test). Content files (Markdown, YAML) are the editors' and stay as written. */
export default {
  printWidth: 120,
  singleQuote: true,
  trailingComma: 'all',
};
