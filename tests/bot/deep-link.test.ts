import { readFileSync } from 'node:fs';
import { tabEntityId, visionLink } from '../../src/bot/deep-link.js';

const teamsAppId = '6f1c2b0a-3d4e-4f5a-8b9c-0d1e2f3a4b5c';

/** The deep link read back as Teams reads it: the app, the tab and the context JSON. */
function readDeepLink(link: string) {
  const url = new URL(link);
  return {
    origin: url.origin,
    pathname: url.pathname,
    params: [...url.searchParams.keys()],
    context: JSON.parse(url.searchParams.get('context') ?? 'null') as unknown,
  };
}

describe('visionLink', () => {
  it('with the Teams app id: a deep link into the personal tab, the section as its subEntityId', () => {
    const link = visionLink({ teamsAppId, publicUrl: 'https://ai-wijzer.groningen.nl' }, 'privacy');
    expect(link).toBe(
      `https://teams.microsoft.com/l/entity/${teamsAppId}/ai-wijzer?context=${encodeURIComponent('{"subEntityId":"visie/privacy"}')}`,
    );
    expect(readDeepLink(link)).toEqual({
      origin: 'https://teams.microsoft.com',
      pathname: `/l/entity/${teamsAppId}/ai-wijzer`,
      params: ['context'],
      context: { subEntityId: 'visie/privacy' },
    });
    // The context is encoded whole: no raw brace, quote or colon in the query.
    expect(new URL(link).search).not.toMatch(/[{}":]/);
  });

  it('opens the vision itself when no section is given', () => {
    expect(readDeepLink(visionLink({ teamsAppId })).context).toEqual({ subEntityId: 'visie' });
    expect(visionLink({ publicUrl: 'https://ai-wijzer.groningen.nl' })).toBe(
      'https://ai-wijzer.groningen.nl/tab/#visie',
    );
  });

  it('without the Teams app id (local development, the Agents Playground): the tab page, as before', () => {
    expect(visionLink({ publicUrl: 'https://ai-wijzer.groningen.nl' }, 'privacy')).toBe(
      'https://ai-wijzer.groningen.nl/tab/#visie/privacy',
    );
    expect(visionLink({ publicUrl: 'https://ai-wijzer.groningen.nl/' }, 'privacy')).toBe(
      'https://ai-wijzer.groningen.nl/tab/#visie/privacy',
    );
    expect(visionLink({}, 'privacy')).toBe('/tab/#visie/privacy');
  });

  it('names the static tab of the manifest', () => {
    const manifest = JSON.parse(readFileSync(new URL('../../manifest/manifest.json', import.meta.url), 'utf8')) as {
      staticTabs: { entityId: string; scopes: string[] }[];
    };
    const personal = manifest.staticTabs.filter((t) => t.scopes.includes('personal'));
    expect(personal.map((t) => t.entityId)).toContain(tabEntityId);
  });
});
