import { z } from 'zod';

/** The parts of Graph's answers the scan reads; everything else is ignored. */
export const driveItemSchema = z.object({
  id: z.string().min(1),
  name: z.string().optional(),
  size: z.number().nonnegative().optional(),
  lastModifiedDateTime: z.string().optional(),
  parentReference: z.object({ id: z.string().optional(), driveId: z.string().optional() }).optional(),
  folder: z.object({ childCount: z.number().optional() }).optional(),
  file: z.object({ hashes: z.object({ quickXorHash: z.string().optional() }).optional() }).optional(),
  root: z.object({}).optional(),
  deleted: z.object({ state: z.string().optional() }).optional(),
  shared: z.object({ scope: z.string().optional() }).optional(),
  package: z.object({ type: z.string().optional() }).optional(),
});
export type DriveItem = z.infer<typeof driveItemSchema>;

export const deltaPageSchema = z.object({
  value: z.array(driveItemSchema),
  '@odata.nextLink': z.string().optional(),
  '@odata.deltaLink': z.string().optional(),
});

export const driveSchema = z.object({ id: z.string().min(1), name: z.string().default('Documenten') });
export const drivesSchema = z.object({ value: z.array(driveSchema), '@odata.nextLink': z.string().optional() });
export const siteSchema = z.object({ id: z.string().min(1) });
export const channelsSchema = z.object({
  value: z.array(z.object({ id: z.string().min(1), displayName: z.string().default('Kanaal') })),
  '@odata.nextLink': z.string().optional(),
});

export const permissionsSchema = z.object({
  value: z.array(z.object({ link: z.object({ scope: z.string().optional() }).optional() })),
});

export const batchResponseSchema = z.object({
  responses: z.array(
    z.object({
      id: z.string(),
      status: z.number(),
      headers: z.record(z.string(), z.string()).optional(),
      body: z.unknown().optional(),
    }),
  ),
});
