import { visionDocumentSchema } from '../../src/api/vision.js';
import { sharedVision } from '../../src/vision/index.js';
import { startTestServer } from '../helpers/server.js';

describe('GET /api/vision', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server.dispose());

  it('gives the vision to read, in Dutch by default and in English when asked, with the same sections', async () => {
    const nl = visionDocumentSchema.parse(await (await fetch(`${server.url}/api/vision`)).json());
    const en = visionDocumentSchema.parse(await (await fetch(`${server.url}/api/vision?lang=en`)).json());
    expect(nl.language).toBe('nl');
    expect(en.language).toBe('en');
    expect(nl.sections.map((s) => s.id)).toEqual(en.sections.map((s) => s.id));
    expect(nl.sections.map((s) => s.id)).toEqual(sharedVision().languages.nl.document.sections.map((s) => s.id));
    expect(nl.version).toBe(sharedVision().version);
  });

  it('follows Accept-Language and refuses an unknown language with 400 naming the field', async () => {
    const en = await fetch(`${server.url}/api/vision`, { headers: { 'accept-language': 'en-US' } });
    expect(((await en.json()) as { language: string }).language).toBe('en');
    const bad = await fetch(`${server.url}/api/vision?lang=de`);
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { error: { problems: { field: string }[] } };
    expect(body.error.problems[0]!.field).toBe('lang');
  });

  it('needs no sign-in, where every other /api route does (the vision is public)', async () => {
    const guid = '11111111-2222-3333-4444-555555555555';
    const signedIn = await startTestServer({ AAD_APP_CLIENT_ID: guid, AAD_APP_TENANT_ID: guid });
    try {
      const vision = await fetch(`${signedIn.url}/api/vision`);
      expect(vision.status).toBe(200);
      visionDocumentSchema.parse(await vision.json());
      expect((await fetch(`${signedIn.url}/api/checks`)).status).toBe(401);
    } finally {
      await signedIn.dispose();
    }
  });
});
