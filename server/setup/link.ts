import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The one-time setup link a server prints when it starts with no admin (like a notebook's token):
 * whoever can read the console may create the first admin, once, within the hour. The token
 * lives only in this process's memory: it is never stored, logged elsewhere or sent back.
 */
export const SETUP_LINK_TTL_MS = 60 * 60_000;

export type SetupRefusal = 'not_open' | 'used' | 'expired' | 'wrong_token';

export type SetupClaim = { ok: true; release(): void } | { ok: false; reason: SetupRefusal };

const digest = (text: string) => createHash('sha256').update(text).digest();

export class SetupLink {
  #digest: Buffer | undefined;
  #expiresAt = 0;
  #used = false;

  /** A new token, replacing any earlier one; the path of the printed link is `/setup#token=…`. */
  issue(now = Date.now()): string {
    const token = randomBytes(32).toString('base64url');
    this.#digest = digest(token);
    this.#expiresAt = now + SETUP_LINK_TTL_MS;
    this.#used = false;
    return token;
  }

  isOpen(now = Date.now()): boolean {
    return this.#digest !== undefined && !this.#used && now < this.#expiresAt;
  }

  /**
   * Spends the token when `candidate` is it. Synchronous, so two requests racing with the right
   * token cannot both pass; `release()` gives it back when the admin could not be created.
   * Digests of equal length are compared in constant time.
   */
  claim(candidate: string, now = Date.now()): SetupClaim {
    if (!this.#digest) return { ok: false, reason: 'not_open' };
    if (this.#used) return { ok: false, reason: 'used' };
    if (now >= this.#expiresAt) return { ok: false, reason: 'expired' };
    if (!timingSafeEqual(digest(candidate), this.#digest)) return { ok: false, reason: 'wrong_token' };
    this.#used = true;
    return {
      ok: true,
      release: () => {
        this.#used = false;
      },
    };
  }

  /** Ends the link for good: an admin now exists, made here or by `kinline user add`. */
  close(): void {
    this.#digest = undefined;
  }
}

/** The link of this process: the one startServer prints, the one POST /api/setup redeems. */
export const setupLink = new SetupLink();
