import { z } from 'zod';
import { ConfigError } from './config-error.js';

/** Environment variables AI-wijzer reads; names follow the Microsoft 365 Agents Toolkit. */
const guid = z
  .string()
  .regex(
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
    'moet een GUID zijn (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)',
  );
const optionalGuid = z.preprocess((v) => (v === '' ? undefined : v), guid.optional());
const optionalString = z.preprocess((v) => (v === '' ? undefined : v), z.string().optional());
const flag = z.preprocess(
  (v) => (v === '' ? undefined : v),
  z
    .enum(['true', 'false', '1', '0', 'ja', 'nee'], { message: "moet 'true' of 'false' zijn" })
    .default('false')
    .transform((v) => v === 'true' || v === '1' || v === 'ja'),
);
const optionalUrl = z.preprocess(
  (v) => (v === '' ? undefined : v),
  z.url({ message: 'moet een volledige URL zijn, bijvoorbeeld https://ai-wijzer.groningen.nl' }).optional(),
);

/**
 * Local development only (no Entra ID settings): X-Dev-User names, comma-separated, that get a role (DEV_ADMINS,
 * DEV_TEAMLEADS). With Entra ID the roles come from the token's app roles, and production refuses the dev identity.
 */
const devUserNames = (fallback: string) =>
  z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .string()
      .default(fallback)
      .transform((v) =>
        v
          .split(',')
          .map((name) => name.trim())
          .filter((name) => name !== ''),
      )
      .pipe(
        z.array(
          z
            .string()
            .regex(
              /^[A-Za-z0-9._@-]{1,64}$/,
              "moet namen bevatten van letters, cijfers en . _ @ - (gescheiden door komma's)",
            ),
        ),
      ),
  );

/** A retention period in days; 0 keeps the data without end (the clean-up leaves it). */
const retentionDays = (fallback: number) =>
  z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.coerce
      .number({ message: 'moet een aantal dagen zijn' })
      .int('moet een geheel aantal dagen zijn')
      .min(0, 'moet 0 (niet opschonen) of meer dagen zijn')
      .max(36500, 'mag hoogstens 36500 dagen zijn')
      .default(fallback),
  );

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    PORT: z.coerce.number({ message: 'moet een poortnummer zijn' }).int().min(0).max(65535).default(3978),
    /** The address to listen on: this machine only unless set (HOST=0.0.0.0 in a container, behind its https proxy). */
    HOST: z.preprocess(
      (v) => (v === '' ? undefined : v),
      z
        .string()
        .regex(
          /^([0-9a-f:.]+|[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*)$/i,
          'moet een IP-adres of hostnaam zijn, zoals 127.0.0.1 of 0.0.0.0',
        )
        .default('127.0.0.1'),
    ),
    PUBLIC_URL: optionalUrl,
    /** Requests a minute to /api per person (their pseudonym) and per address; a 429 beyond them. */
    RATE_LIMIT_PER_USER: z.coerce.number({ message: 'moet een aantal zijn' }).int().min(1).default(120),
    RATE_LIMIT_PER_IP: z.coerce.number({ message: 'moet een aantal zijn' }).int().min(1).default(3000),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    BOT_ID: optionalGuid,
    BOT_PASSWORD: optionalString,
    BOT_TYPE: z.preprocess(
      (v) => (v === '' ? undefined : v),
      z
        .enum(['SingleTenant', 'UserAssignedMSI'], { message: "moet 'SingleTenant' of 'UserAssignedMSI' zijn" })
        .default('SingleTenant'),
    ),
    BOT_TENANT_ID: optionalGuid,
    /** The Teams app's id (as in the app package, src/packaging/variables.ts): the bot's links open the tab in Teams. */
    TEAMS_APP_ID: optionalGuid,
    AAD_APP_CLIENT_ID: optionalGuid,
    AAD_APP_CLIENT_SECRET: optionalString,
    AAD_APP_TENANT_ID: optionalGuid,
    /**
     * Local development only (no Entra ID settings): the X-Dev-User names that are admins. With Entra ID the roles
     * come from the token's app roles, and production refuses the dev identity altogether.
     */
    DEV_ADMINS: devUserNames('beheerder'),
    /** Local development only, as DEV_ADMINS: the X-Dev-User names that are team leads (the `teamlead` role). */
    DEV_TEAMLEADS: devUserNames('teamleider'),
    DATABASE_URL: z.preprocess(
      (v) => (v === '' ? undefined : v),
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, 'moet beginnen met postgres:// of postgresql://')
        .optional(),
    ),
    DATA_DIR: z.string().min(1).default('./data'),
    GRAPH_BASE_URL: z.url({ message: 'moet een volledige URL zijn' }).default('https://graph.microsoft.com/v1.0'),
    PRIVACY_CONTACT: z.string().min(1).default('het AI- en privacyteam (privacy@groningen.nl)'),
    /** Key for pseudonymous user ids (HMAC); records name no one, yet a person's own records can be found. */
    PSEUDONYM_SECRET: z
      .string()
      .min(16, 'moet minstens 16 tekens zijn')
      .default('ontwikkel-sleutel-niet-voor-productie'),
    /** Key of the audit chain of the checks (HMAC-SHA256, src/quickcheck/record.ts); kept outside the database. */
    AUDIT_KEY: z.string().min(16, 'moet minstens 16 tekens zijn').default('ontwikkel-auditsleutel-niet-voor-productie'),
    /** Where Entra ID publishes its signing keys; settable for national clouds and tests. */
    AAD_AUTHORITY_HOST: z.url({ message: 'moet een volledige URL zijn' }).default('https://login.microsoftonline.com'),
    // Vraag het de visie
    ASK_STORE_QUESTION_TEXT: flag,
    GENERATIVE_BASE_URL: optionalUrl,
    GENERATIVE_MODEL: optionalString,
    GENERATIVE_API_KEY: optionalString,
    EMBEDDINGS_BASE_URL: optionalUrl,
    EMBEDDINGS_MODEL: optionalString,
    EMBEDDINGS_API_KEY: optionalString,
    EMBEDDINGS_QUERY_PREFIX: optionalString,
    EMBEDDINGS_PASSAGE_PREFIX: optionalString,
    // Mag ik dit gebruiken?
    TOOL_REGISTER_PATH: optionalString,
    // Datahygiëne
    GRAPH_ACCESS_TOKEN: optionalString,
    /**
     * Key that seals a delegated scan job's Graph token in the database (src/housekeeping/jobs/credential.ts); its
     * own secret, never PSEUDONYM_SECRET, so the one does not give away the other. Required in production with Entra ID.
     */
    JOB_CREDENTIAL_KEY: z
      .string()
      .min(32, 'moet minstens 32 tekens zijn')
      .default('ontwikkel-jobsleutel-niet-voor-productie'),
    // Bewaartermijnen (docs/security-privacy.md, "Gegevens die AI-wijzer bewaart"); the clean-up is src/app/privacy.ts.
    /** Days a check keeps its personal part (pseudonym, answers, the verdict as shown); then erased to a tombstone. */
    RETENTION_CHECKS_DAYS: retentionDays(730),
    /** Days scan reports, finished scan jobs and the drives' delta state are kept. */
    RETENTION_SCANS_DAYS: retentionDays(365),
    /** Days unanswered questions, thumbs and chosen suggestions of "Vraag het de visie" are kept. */
    RETENTION_FEEDBACK_DAYS: retentionDays(180),
    /** Days the bot keeps a conversation's state and where to reach a person, after their last message. */
    RETENTION_BOT_STATE_DAYS: retentionDays(30),
    /** Minutes between the server's clean-ups (the first runs at start-up); 0: only `ai-wijzer privacy cleanup`. */
    RETENTION_CLEANUP_MINUTES: z.preprocess(
      (v) => (v === '' ? undefined : v),
      z.coerce
        .number({ message: 'moet een aantal minuten zijn' })
        .int('moet een geheel aantal minuten zijn')
        .min(0, 'moet 0 (geen geplande opschoning) of meer minuten zijn')
        .max(10080, 'mag hoogstens 10080 minuten (een week) zijn')
        .default(1440),
    ),
    SCAN_UPLOAD_TOKEN: z.preprocess(
      (v) => (v === '' ? undefined : v),
      z.string().min(32, 'moet minstens 32 tekens zijn').optional(),
    ),
  })
  .superRefine((env, ctx) => {
    if (env.JOB_CREDENTIAL_KEY === env.PSEUDONYM_SECRET)
      ctx.addIssue({
        code: 'custom',
        path: ['JOB_CREDENTIAL_KEY'],
        message: 'moet een andere waarde hebben dan PSEUDONYM_SECRET',
      });
    if (env.NODE_ENV !== 'production') return;
    const need = (key: keyof typeof env, why: string) => {
      if (env[key] === undefined)
        ctx.addIssue({ code: 'custom', path: [key], message: `is verplicht in productie (${why})` });
    };
    need('BOT_ID', 'de app-registratie van de bot');
    need('BOT_TENANT_ID', 'de tenant van de bot');
    if (env.BOT_TYPE === 'SingleTenant') need('BOT_PASSWORD', 'het clientgeheim van de bot');
    need('AAD_APP_CLIENT_ID', 'de app-registratie voor single sign-on in het tabblad');
    need('AAD_APP_TENANT_ID', 'de tenant voor single sign-on');
    need('PUBLIC_URL', 'het publieke adres van de app');
    // With the app registration set, the tab offers Microsoft 365 scans; they need the secret for on-behalf-of.
    if (env.AAD_APP_CLIENT_ID && env.AAD_APP_TENANT_ID && env.AAD_APP_CLIENT_SECRET === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['AAD_APP_CLIENT_SECRET'],
        message:
          'is verplicht in productie: zonder AAD_APP_CLIENT_SECRET kan AI-wijzer geen Graph-token namens de gebruiker ophalen (on-behalf-of) en werken de Microsoft 365-scans van Datahygiëne niet',
      });
    }
    if (env.PSEUDONYM_SECRET === 'ontwikkel-sleutel-niet-voor-productie') {
      ctx.addIssue({
        code: 'custom',
        path: ['PSEUDONYM_SECRET'],
        message: 'moet in productie een eigen geheime waarde hebben',
      });
    }
    // Scans through Microsoft 365 on a person's behalf keep their token sealed with this key while the job runs.
    if (env.AAD_APP_CLIENT_ID !== undefined && env.JOB_CREDENTIAL_KEY === 'ontwikkel-jobsleutel-niet-voor-productie')
      ctx.addIssue({
        code: 'custom',
        path: ['JOB_CREDENTIAL_KEY'],
        message:
          'is verplicht in productie (de sleutel van de Microsoft 365-toegang van scans), met een eigen geheime waarde',
      });
    if (env.AUDIT_KEY === 'ontwikkel-auditsleutel-niet-voor-productie' || env.AUDIT_KEY === env.PSEUDONYM_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['AUDIT_KEY'],
        message: 'moet in productie een eigen geheime waarde hebben (niet die van PSEUDONYM_SECRET)',
      });
    }
  });

export type Config = z.infer<typeof envSchema>;

export { ConfigError };

/** Reads and validates the configuration once; throws a ConfigError naming every wrong variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = envSchema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => `${issue.path.join('.') || '(omgeving)'}: ${issue.message}`),
    );
  }
  return result.data;
}
