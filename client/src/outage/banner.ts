import type { ApiError } from '../api/client.js';
import { el } from '../dom.js';

/** Waits between health checks while the database is down: short at first, then every 15 s. */
const RETRY_DELAYS_MS = [2_000, 3_000, 5_000, 8_000, 15_000];

/**
 * The outage banner (issue "Operations"): when a call fails because the server or its database is
 * down, says so, asks /api/health again and again by itself, and once it answers runs `recovered`
 * (the view reloads its data), so nobody has to reload the page. One checker at a time, however
 * many calls fail meanwhile.
 */
export function createOutageBanner(
  banner: HTMLElement,
  options: { healthy(): Promise<boolean>; recovered(): void },
): { show(error: ApiError): void; hide(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let attempt = 0;

  const check = async () => {
    timer = undefined;
    if (await options.healthy()) {
      hide();
      options.recovered();
    } else {
      schedule();
    }
  };
  const schedule = () => {
    if (timer !== undefined) return;
    timer = setTimeout(() => void check(), RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length - 1)]);
    attempt += 1;
  };
  const hide = () => {
    clearTimeout(timer);
    timer = undefined;
    attempt = 0;
    banner.hidden = true;
  };
  const show = (error: ApiError) => {
    banner.hidden = false;
    banner.replaceChildren(
      el('strong', {
        text:
          error.code === 'network'
            ? 'Kinline’s server cannot be reached; retrying…'
            : 'The database is unavailable; retrying…',
      }),
      ' Your view is kept in the address bar; nothing is lost. ',
      el('button', { type: 'button', onclick: () => void check() }, 'Try again now'),
    );
    schedule();
  };
  return { show, hide };
}
