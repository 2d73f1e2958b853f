/**
 * The Kinline API in its own process for the query benchmark, so the load generator does not
 * share its event loop. Connects to NEO4J_URI (NEO4J_USER, NEO4J_PASSWORD), listens on a free loopback port and prints
 * "KINLINE_API <port>". Started by bench/query-load.ts.
 */
import { config } from '../graph/config.js';
import { connect } from '../graph/db/driver.js';
import { createApp } from '../server/app.js';

const settings = config();
connect({
  uri: settings.neo4jUri ?? 'bolt://127.0.0.1:7687',
  user: settings.neo4jUser,
  password: settings.neo4jPassword,
});
const server = createApp().listen(0, '127.0.0.1', () => {
  const address = server.address();
  console.log(`KINLINE_API ${typeof address === 'object' && address ? address.port : 0}`);
});
// Ends with the parent: the benchmark keeps stdin open for as long as it runs.
process.stdin.on('end', () => process.exit(0)).resume();
