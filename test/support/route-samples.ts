import type { RouteName } from '../../server/contract/index.js';

/**
 * One or more sample requests per API route, for tests that must walk every route (redaction,
 * fuzzing), by route name in the contract (server/contract): a route without samples does not compile.
 * `sampleRequests` takes ids from the seed case.
 */
export interface SampleIds {
  person: string;
  protectedPerson: string;
  family: string;
  facility: string;
  crossing: string;
  source: string;
  event: string;
  relationship: string;
}

export function sampleRequests(ids: SampleIds): Record<RouteName, string[]> {
  return {
    health: ['/api/health'],
    session: ['/api/session'],
    // Not GET routes, and they carry no person's data: test/api.session.test.ts walks them.
    signIn: [],
    signOut: [],
    setupStatus: ['/api/setup'],
    // A POST, and browser navigations that redirect: test/api.setup.test.ts and test/api.oidc.test.ts walk them.
    setup: [],
    oidcLogin: [],
    oidcCallback: [],
    // Admins only (anonymous readers get 401): test/api.audit.test.ts walks it.
    audit: [],
    openapi: ['/api/openapi.json'],
    search: [
      '/api/search?q=Umarova',
      '/api/search?q=%D0%A3%D0%BC%D0%B0%D1%80%D0%BE%D0%B2%D0%B0',
      '/api/search?q=Child&types=Person',
      '/api/search?q=Bekova',
      '/api/search?q=Aigerim',
    ],
    entity: [
      `/api/entities/${ids.person}`,
      `/api/entities/${ids.protectedPerson}`,
      `/api/entities/${ids.family}`,
      `/api/entities/${ids.event}`,
    ],
    neighbourhood: [
      `/api/neighbourhood?ids=${ids.person}&depth=3`,
      `/api/neighbourhood?ids=${ids.protectedPerson}&depth=2`,
      `/api/neighbourhood?ids=${ids.family}&depth=1&limit=5`,
    ],
    paths: [
      `/api/paths?from=${ids.person}&to=${ids.protectedPerson}&maxHops=6`,
      `/api/paths?from=${ids.protectedPerson}&to=${ids.family}&kinshipOnly=false`,
    ],
    family: [`/api/family/${ids.protectedPerson}?generations=3`, `/api/family/${ids.person}`],
    timeline: [
      `/api/timeline?people=${ids.protectedPerson},${ids.person}`,
      `/api/timeline?family=${ids.family}`,
      `/api/timeline?facility=${ids.facility}`,
      `/api/timeline?crossing=${ids.crossing}`,
    ],
    orphanedChildren: [
      '/api/patterns/orphaned-children?date=2019-04-13',
      '/api/patterns/orphaned-children?date=2021-01-01',
    ],
    crossingDetentions: [
      `/api/patterns/crossing-detentions?crossing=${ids.crossing}&from=2010-01-01&to=2025-12-31&days=400`,
    ],
    detentionCascades: ['/api/patterns/detention-cascades?days=800'],
    coDetention: ['/api/patterns/co-detention', `/api/patterns/co-detention?facility=${ids.facility}`],
    staleStatus: ['/api/patterns/stale-status?months=6&asOf=2026-01-01'],
    aggregates: ['/api/patterns/aggregates?by=facility-year', '/api/patterns/aggregates?by=crossing'],
    statusAsOf: [`/api/status-as-of?date=2019-04-13&ids=${ids.person},${ids.protectedPerson}`],
    // Writes (not GET routes): test/api.write.test.ts and test/api.write-fuzz.test.ts walk them.
    createEntity: [],
    patchEntity: [],
    deleteEntity: [],
    restoreEntity: [],
    revertEntity: [],
    createRelationship: [],
    patchRelationship: [],
    deleteRelationship: [],
    restoreRelationship: [],
    revertRelationship: [],
    // History is served by real id only (graph/write/history.ts): a public id answers 404.
    entityHistory: [`/api/entities/${ids.person}/history`],
    relationshipHistory: [`/api/relationships/${ids.relationship}/history`],
    citations: [`/api/citations/${ids.relationship}`, `/api/citations/${ids.event}`],
    source: [`/api/sources/${ids.source}`],
    cite: [`/api/sources/${ids.source}/cite?format=csl`, `/api/sources/${ids.source}/cite?format=bibtex`],
    map: [
      '/api/map?bbox=-180,-90,180,90',
      '/api/map?bbox=-180,-90,180,90&zoom=2&asOf=2018-02-15',
      '/api/map?bbox=60,30,100,55&types=Facility,Place&asOf=2017-06-01',
    ],
    nearby: [
      `/api/places/${ids.crossing}/nearby?km=2000`,
      `/api/places/${ids.facility}/nearby?km=2000&types=Facility,Place&asOf=2018-02-15`,
    ],
    export: [
      '/api/export',
      '/api/export?format=graphml',
      '/api/export?format=gexf',
      '/api/export?format=csv&csvFile=people',
      '/api/export?format=csv&csvFile=events',
      '/api/export?format=bibtex',
      `/api/export?format=json&ids=${ids.person},${ids.protectedPerson},${ids.family}`,
    ],
  };
}
