import { appendAudit } from '../../graph/audit/log.js';
import type { setupRoutes } from '../contract/setup.js';
import { ApiError } from '../errors.js';
import { createFirstAdmin, setupIsOpen } from '../setup/first-admin.js';
import type { Handlers } from './define.js';
import { clientAddress, openSession } from './session.js';

export const setupHandlers: Handlers<typeof setupRoutes> = {
  setupStatus: async () => ({ open: await setupIsOpen() }),
  setup: async ({ body }, _scope, res) => {
    const ip = clientAddress(res);
    let admin: Awaited<ReturnType<typeof createFirstAdmin>>;
    try {
      admin = await createFirstAdmin(body);
    } catch (error) {
      if (error instanceof ApiError) {
        await appendAudit({
          actor: 'anonymous',
          action: 'sign-in-failed',
          details: { via: 'setup', reason: error.code, ip },
        });
      }
      throw error;
    }
    await appendAudit({ actor: admin.username, action: 'setup-admin', details: { ip } });
    await appendAudit({ actor: admin.username, action: 'sign-in', details: { via: 'setup', ip } });
    return openSession(res, admin);
  },
};
