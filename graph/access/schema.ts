/** Constraints and indexes of accounts, sessions and the audit log (beside the graph's own). */
export function accessSchemaStatements(): string[] {
  return [
    'CREATE CONSTRAINT user_id IF NOT EXISTS FOR (u:User) REQUIRE u.id IS UNIQUE',
    'CREATE CONSTRAINT user_username IF NOT EXISTS FOR (u:User) REQUIRE u.username IS UNIQUE',
    'CREATE INDEX user_oidc_subject IF NOT EXISTS FOR (u:User) ON (u.oidcSubject)',
    'CREATE CONSTRAINT session_token IF NOT EXISTS FOR (s:Session) REQUIRE s.tokenHash IS UNIQUE',
    'CREATE INDEX session_expires IF NOT EXISTS FOR (s:Session) ON (s.expiresAt)',
    // MERGE on a unique key locks it: two app instances appending at once never fork the chain.
    'CREATE CONSTRAINT audit_head IF NOT EXISTS FOR (h:AuditHead) REQUIRE h.id IS UNIQUE',
    'CREATE CONSTRAINT audit_seq IF NOT EXISTS FOR (a:AuditEntry) REQUIRE a.seq IS UNIQUE',
  ];
}
