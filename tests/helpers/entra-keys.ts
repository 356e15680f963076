import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { JWK } from 'jose';

/** The tenant and the app registration the API tests sign their tokens for. */
export const testTenant = '7e1b2c3d-4e5f-4a6b-8c9d-0e1f2a3b4c5d';
export const testClientId = '2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d';

/** The JSON Web Key Set Entra ID publishes at /{tenant}/discovery/v2.0/keys: the public half of each signing key. */
export function publishedKeys(jwk: JWK, kid = 'test-key'): { keys: JWK[] } {
  return { keys: [{ ...jwk, kid, use: 'sig', alg: 'RS256' }] };
}

/**
 * A local stand-in for Entra ID's key endpoint (/{tenant}/discovery/v2.0/keys): it publishes the public half
 * of a key the test signs tokens with, as Entra publishes its signing keys.
 */
export async function startKeyServer(jwk: JWK, tenant = testTenant): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    if (req.url === `/${tenant}/discovery/v2.0/keys`) {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(publishedKeys(jwk)));
    } else {
      res.statusCode = 404;
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}
