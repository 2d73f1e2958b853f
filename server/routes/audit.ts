import { isAdmin } from '../../graph/access/roles.js';
import type { ReadScope } from '../../graph/read/scope.js';
import { auditLogPage } from '../../graph/audit/page.js';
import type { auditRoutes } from '../contract/audit.js';
import { ApiError } from '../errors.js';
import type { Handlers } from './define.js';

/**
 * Only an admin reads the log. An anonymous reader is asked to sign in (401, and the browser
 * shows its sign-in dialog); a signed-in user of another role is refused (403).
 */
function requireAdmin({ reader }: ReadScope): void {
  if (!reader.username) throw new ApiError(401, 'sign_in_required', 'Sign in as an admin to read the audit log.');
  if (!isAdmin(reader)) throw new ApiError(403, 'admin_only', 'Only an admin may read the audit log.');
}

export const auditHandlers: Handlers<typeof auditRoutes> = {
  audit: async ({ query }, scope) => {
    requireAdmin(scope);
    return auditLogPage(query);
  },
};
