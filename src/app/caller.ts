/** Who is calling, without saying who: a pseudonym (HMAC of tenant and object id) and, for on-behalf-of, the token. */
export interface Caller {
  pseudonym: string;
  tenantId?: string;
  /** The caller's own bearer token (for on-behalf-of Graph calls); never stored or logged. */
  token?: string;
}
