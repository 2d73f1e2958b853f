import type { Api } from '../contract/index.js';
import { auditHandlers } from './audit.js';
import type { Handlers } from './define.js';
import { evidenceHandlers } from './evidence.js';
import { exploreHandlers } from './explore.js';
import { graphHandlers } from './graph.js';
import { mapHandlers } from './map.js';
import { oidcHandlers } from './oidc.js';
import { patternHandlers } from './patterns.js';
import { sessionHandlers } from './session.js';
import { setupHandlers } from './setup.js';
import { timelineHandlers } from './timeline.js';
import { writeHandlers } from './write.js';

/** The handler of every route in the contract (server/contract), by route name. */
export const handlers: Handlers<Api> = {
  ...exploreHandlers,
  ...graphHandlers,
  ...mapHandlers,
  ...timelineHandlers,
  ...patternHandlers,
  ...evidenceHandlers,
  ...sessionHandlers,
  ...setupHandlers,
  ...oidcHandlers,
  ...auditHandlers,
  ...writeHandlers,
};
