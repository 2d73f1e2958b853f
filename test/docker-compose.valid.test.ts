import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { parse } from 'yaml';

// No Docker engine runs here, so the compose file is checked by reading it.
it('docker-compose.yml runs the official Neo4j 5.26 image with a health check, a volume, and the app on NEO4J_URI', () => {
  const compose = parse(readFileSync('docker-compose.yml', 'utf8'));
  const neo4j = compose.services.neo4j;
  expect(neo4j.image).toBe('neo4j:5.26-community');
  expect(neo4j.healthcheck.test.join(' ')).toContain('cypher-shell');
  expect(neo4j.volumes[0]).toMatch(/^neo4j-data:\/data$/);
  expect(Object.keys(compose.volumes)).toContain('neo4j-data');
  const app = compose.services.app;
  expect(app.build).toBe('.');
  expect(app.environment.NEO4J_URI).toBe('bolt://neo4j:7687');
  expect(app.depends_on.neo4j.condition).toBe('service_healthy');
  expect(readFileSync('Dockerfile', 'utf8')).toMatch(/CMD .*server\/main\.ts/);
});
