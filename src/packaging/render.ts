const placeholder = /\$\{\{\s*([A-Z0-9_]+)\s*\}\}/g;

/** The ${{NAME}} placeholders a template uses. */
export function placeholdersIn(template: string): string[] {
  return [...new Set([...template.matchAll(placeholder)].map((m) => m[1]!))];
}

/** Fills ${{NAME}} placeholders; values are JSON-escaped because templates are JSON. */
export function render(template: string, values: Record<string, string>): string {
  return template.replace(placeholder, (_all, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no value for ${name}`);
    return JSON.stringify(value).slice(1, -1);
  });
}
