import { ConfigError, loadConfig } from '../src/config.js';

const guid = '11111111-2222-3333-4444-555555555555';
const production = {
  NODE_ENV: 'production',
  BOT_ID: guid,
  BOT_PASSWORD: 'geheim',
  BOT_TENANT_ID: guid,
  AAD_APP_CLIENT_ID: guid,
  AAD_APP_TENANT_ID: guid,
  AAD_APP_CLIENT_SECRET: 'app-geheim',
  PUBLIC_URL: 'https://ai-wijzer.groningen.nl',
  PSEUDONYM_SECRET: 'een-lange-eigen-geheime-waarde',
  JOB_CREDENTIAL_KEY: 'een-andere-lange-geheime-sleutel-voor-jobs',
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

  it('refuses production with the app registration (Graph scans on) but without its client secret, naming it', () => {
    const { AAD_APP_CLIENT_SECRET: _unused, ...withoutSecret } = production;
    const problems = problemsOf(withoutSecret);
    expect(problems).toEqual([expect.stringMatching(/^AAD_APP_CLIENT_SECRET: is verplicht in productie/)]);
    expect(problems[0]).toMatch(/AAD_APP_CLIENT_SECRET kan AI-wijzer geen Graph-token.*Microsoft 365-scans/);
    expect(problemsOf({ ...withoutSecret, AAD_APP_CLIENT_SECRET: '' })).toEqual(problems);
    // Outside production the secret stays optional: local development scans with GRAPH_ACCESS_TOKEN or not at all.
    expect(problemsOf({ ...withoutSecret, NODE_ENV: 'development' })).toEqual([]);
  });

  it('seals scan jobs with a key of their own: required in production with Entra ID, never the pseudonym secret', () => {
    expect(loadConfig({}).JOB_CREDENTIAL_KEY).not.toBe(loadConfig({}).PSEUDONYM_SECRET);
    const { JOB_CREDENTIAL_KEY: _key, ...withoutKey } = production;
    expect(problemsOf(withoutKey)).toEqual([expect.stringMatching(/^JOB_CREDENTIAL_KEY: is verplicht in productie/)]);
    expect(
      problemsOf({ ...production, JOB_CREDENTIAL_KEY: production.PSEUDONYM_SECRET + '-en-nog-wat-langer' }),
    ).toEqual([]);
    const same = 'dezelfde-waarde-voor-beide-sleutels-123';
    for (const env of [
      { ...production, PSEUDONYM_SECRET: same, JOB_CREDENTIAL_KEY: same },
      { PSEUDONYM_SECRET: same, JOB_CREDENTIAL_KEY: same },
    ])
      expect(problemsOf(env)).toEqual([
        expect.stringMatching(/^JOB_CREDENTIAL_KEY: moet een andere waarde hebben dan PSEUDONYM_SECRET/),
      ]);
    expect(problemsOf({ JOB_CREDENTIAL_KEY: 'kort' })).toEqual([
      expect.stringMatching(/^JOB_CREDENTIAL_KEY: .*32 tekens/),
    ]);
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
