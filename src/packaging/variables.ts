import { z } from 'zod';

const guid = z
  .string({ message: 'ontbreekt' })
  .regex(
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
    'moet een GUID zijn, zoals 00000000-0000-0000-0000-000000000000',
  );
const domain = z
  .string({ message: 'ontbreekt' })
  .regex(
    /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+(:\d{1,5})?$/i,
    'moet een domeinnaam zijn zonder https://, zoals ai-wijzer.groningen.nl',
  );

/** The variables the manifest template uses; TAB_DOMAIN is derived from TAB_ENDPOINT when not given. */
export const manifestVariablesSchema = z
  .object({
    TEAMS_APP_ID: guid,
    BOT_ID: guid,
    AAD_APP_CLIENT_ID: guid,
    TAB_ENDPOINT: z
      .string({ message: 'ontbreekt' })
      .regex(
        /^https:\/\/[^/\s]+$/,
        'moet een https-adres zijn zonder pad of / aan het eind, zoals https://ai-wijzer.groningen.nl',
      ),
    BOT_DOMAIN: domain,
    TAB_DOMAIN: domain.optional(),
    APP_NAME_SUFFIX: z.string().max(10, 'mag hoogstens 10 tekens zijn (de korte naam mag 30 tekens zijn)').default(''),
    APP_VERSION: z.string().regex(/^\d+\.\d+\.\d+$/, 'moet een versie zijn als 1.2.3'),
  })
  .transform((v) => ({ ...v, TAB_DOMAIN: v.TAB_DOMAIN ?? new URL(v.TAB_ENDPOINT).host }));

export type ManifestVariables = z.output<typeof manifestVariablesSchema>;
