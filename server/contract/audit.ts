import { z } from 'zod';
import { AuditAction, AuditPage, MAX_AUDIT_PAGE } from '../../graph/views/audit.js';
import { ErrorBody } from '../../graph/views/system.js';
import { ERRORS, json, route } from './define.js';
import { intParam } from './query.js';

export const auditRoutes = {
  audit: route({
    method: 'get',
    path: '/audit',
    tag: 'audit',
    summary:
      'The audit log, newest first, for admins: sign-ins, failures, sign-outs, changes of accounts, exports, imports. Says whether the whole hash chain verifies, and where it breaks',
    query: z
      .object({
        limit: intParam(1, MAX_AUDIT_PAGE, 50),
        before: z.coerce.number().int().min(1).optional().describe('only entries older than this seq (the next page)'),
        action: AuditAction.optional().describe('only entries of this action'),
        actor: z.string().trim().min(1).max(200).optional().describe('only what this username did'),
      })
      .strict(),
    responses: { 200: json(AuditPage), 401: json(ErrorBody), 403: json(ErrorBody), ...ERRORS },
  }),
};
