/** What a caller may do besides what every staff member may: from the Entra app roles in their token. */
export const roleValues = ['admin', 'teamlead'] as const;
export type Role = (typeof roleValues)[number];

/** The Entra app roles (the token's `roles` claim) and the role each gives in AI-wijzer. */
export const entraAppRoles: Readonly<Record<string, Role>> = {
  'AIWijzer.Admin': 'admin',
  'AIWijzer.TeamLead': 'teamlead',
};

/** Who is calling, without saying who: a pseudonym (HMAC of tenant and object id) and, for on-behalf-of, the token. */
export interface Caller {
  pseudonym: string;
  tenantId?: string;
  /** The caller's own bearer token (for on-behalf-of Graph calls); never stored or logged. */
  token?: string;
  /** Their roles; none when not given (a bot user, the CLI): every staff member may check, ask and read the vision. */
  roles?: readonly Role[];
}

export function hasRole(caller: Caller, role: Role): boolean {
  return caller.roles?.includes(role) ?? false;
}
