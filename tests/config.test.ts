import { ConfigError, loadConfig } from '../src/config.js';

const guid = '11111111-2222-3333-4444-555555555555';
const production = {
  NODE_ENV: 'production',
  BOT_ID: guid,
  BOT_PASSWORD: 'geheim',
  BOT_TENANT_ID: guid,
  AAD_APP_CLIENT_ID: guid,
  AAD_APP_TENANT_ID: guid,
  PUBLIC_URL: 'https://ai-wijzer.groningen.nl',
  PSEUDONYM_SECRET: 'een-lange-eigen-geheime-waarde',
  AUDIT_KEY: 'een-andere-lange-geheime-auditsleutel',
};

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('configuration', () => {
  it('needs no variable for local development', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      PORT: 3978,
      DATA_DIR: './data',
      GRAPH_BASE_URL: 'https://graph.microsoft.com/v1.0',
      BOT_TYPE: 'SingleTenant',
      NODE_ENV: 'development',
    });
    expect(config.BOT_ID).toBeUndefined();
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('treats empty variables as unset (as env files write them)', () => {
    expect(loadConfig({ BOT_ID: '', DATABASE_URL: '', PUBLIC_URL: '' }).BOT_ID).toBeUndefined();
  });

  it('names every wrong variable, in Dutch', () => {
    const problems = problemsOf({
      PORT: 'abc',
      BOT_ID: 'geen-guid',
      BOT_TYPE: 'MultiTenant',
      DATABASE_URL: 'mysql://x',
      GRAPH_BASE_URL: 'graph',
    });
    expect(problems.map((p) => p.split(':')[0])).toEqual(
      expect.arrayContaining(['PORT', 'BOT_ID', 'BOT_TYPE', 'DATABASE_URL', 'GRAPH_BASE_URL']),
    );
    expect(problems.find((p) => p.startsWith('BOT_ID'))).toContain('GUID');
    expect(problems.find((p) => p.startsWith('BOT_TYPE'))).toContain("'SingleTenant' of 'UserAssignedMSI'");
  });

  it('refuses to start in production without bot and Entra ID settings', () => {
    const problems = problemsOf({ NODE_ENV: 'production' });
    for (const name of [
      'BOT_ID',
      'BOT_PASSWORD',
      'BOT_TENANT_ID',
      'AAD_APP_CLIENT_ID',
      'AAD_APP_TENANT_ID',
      'PUBLIC_URL',
      'PSEUDONYM_SECRET',
      'AUDIT_KEY',
    ]) {
      expect(problems.some((p) => p.startsWith(`${name}:`) && p.includes('productie'))).toBe(true);
    }
  });

  it('starts in production when everything is set; a managed identity needs no password', () => {
    expect(problemsOf(production)).toEqual([]);
    const { BOT_PASSWORD: _unused, ...withoutPassword } = production;
    expect(problemsOf({ ...withoutPassword, BOT_TYPE: 'UserAssignedMSI' })).toEqual([]);
    expect(problemsOf(withoutPassword)).toEqual([expect.stringMatching(/^BOT_PASSWORD:/)]);
  });

  it('reads the Teams app id for deep links as a GUID, like the app package; unset by default', () => {
    expect(loadConfig({}).TEAMS_APP_ID).toBeUndefined();
    expect(loadConfig({ TEAMS_APP_ID: '' }).TEAMS_APP_ID).toBeUndefined();
    expect(loadConfig({ TEAMS_APP_ID: guid }).TEAMS_APP_ID).toBe(guid);
    expect(problemsOf({ TEAMS_APP_ID: 'ai-wijzer' })).toEqual([expect.stringMatching(/^TEAMS_APP_ID: .*GUID/)]);
    // Optional in production too: without it the bot links to the tab's page at PUBLIC_URL.
    expect(problemsOf(production)).toEqual([]);
  });

  it('reads a PostgreSQL URL and boolean flags', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://u@db:5432/aiw',
      ASK_STORE_QUESTION_TEXT: 'ja',
      PORT: '8080',
    });
    expect(config.DATABASE_URL).toBe('postgres://u@db:5432/aiw');
    expect(config.ASK_STORE_QUESTION_TEXT).toBe(true);
    expect(config.PORT).toBe(8080);
  });
});
