import { AccountError, addUser, adminExists, type User } from '../../graph/access/users.js';
import { ApiError } from '../errors.js';
import { type SetupLink, type SetupRefusal, setupLink } from './link.js';

const REFUSALS: Record<SetupRefusal, ApiError> = {
  wrong_token: new ApiError(403, 'setup_token_wrong', 'This is not the token of the setup link the server printed.'),
  used: new ApiError(410, 'setup_used', 'This setup link was used already: sign in with the admin it created.'),
  expired: new ApiError(
    410,
    'setup_expired',
    'This setup link expired an hour after the server started: restart the server for a new one, or use `kinline user add NAME --role admin --password-stdin`.',
  ),
  not_open: new ApiError(410, 'setup_closed', 'Setup is closed: this server has an admin. Sign in instead.'),
};

/** Open while the printed link is unused and unexpired and no admin exists (one may come from the CLI). */
export async function setupIsOpen(link: SetupLink = setupLink): Promise<boolean> {
  if (!link.isOpen()) return false;
  if (!(await adminExists())) return true;
  link.close();
  return false;
}

/**
 * Creates the first admin with the token of the setup link. The token is spent before anything
 * is written, and given back only when the account could not be made (a database outage).
 */
export async function createFirstAdmin(
  input: { token: string; username: string; password: string },
  link: SetupLink = setupLink,
): Promise<User> {
  const claim = link.claim(input.token);
  if (!claim.ok) throw REFUSALS[claim.reason];
  try {
    if (await adminExists()) {
      link.close();
      throw REFUSALS.not_open;
    }
    return await addUser({ username: input.username, role: 'admin', password: input.password });
  } catch (error) {
    claim.release(); // no-op once closed
    if (error instanceof AccountError) throw new ApiError(400, error.code, error.message);
    throw error;
  }
}
