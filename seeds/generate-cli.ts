/**
 * Writes a synthetic Kinline dataset as JSON.
 *
 *   tsx seeds/generate-cli.ts --people 10000 [--seed 1] [--out file.json]
 *
 * Without --out the JSON goes to stdout. Output is streamed one record per line, so 100,000
 * people (hundreds of MB) never has to fit in a single string.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import type { Writable } from 'node:stream';
import { generateDataset } from './generate.js';

const USAGE = 'usage: tsx seeds/generate-cli.ts --people <n> [--seed <n>] [--out <file.json>]';

function integer(name: string, text: string | undefined, fallback?: number): number {
  if (text === undefined) {
    if (fallback !== undefined) return fallback;
    throw new Error(`--${name} is required\n${USAGE}`);
  }
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 0)
    throw new Error(`--${name} must be a non-negative integer, not "${text}"\n${USAGE}`);
  return value;
}

async function writeChunked(out: Writable, parts: Iterable<string>): Promise<void> {
  let buffer = '';
  for (const part of parts) {
    buffer += part;
    if (buffer.length >= 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  if (buffer) out.write(buffer);
}

function* jsonLines(data: ReturnType<typeof generateDataset>): Generator<string> {
  yield `{"kinline":${JSON.stringify(data.kinline)},"title":${JSON.stringify(data.title)},"synthetic":${JSON.stringify(data.synthetic)},\n"entities":[\n`;
  for (let i = 0; i < data.entities.length; i++) yield (i ? ',\n' : '') + JSON.stringify(data.entities[i]);
  yield '\n],\n"relationships":[\n';
  for (let i = 0; i < data.relationships.length; i++) yield (i ? ',\n' : '') + JSON.stringify(data.relationships[i]);
  yield '\n]}\n';
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      people: { type: 'string' },
      seed: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const people = integer('people', values.people);
  const seed = integer('seed', values.seed, 1);
  const started = performance.now();
  const data = generateDataset({ people, seed });
  const generatedMs = performance.now() - started;
  const out: Writable = values.out ? createWriteStream(values.out) : process.stdout;
  await writeChunked(out, jsonLines(data));
  if (values.out) {
    out.end();
    await once(out, 'finish');
    process.stderr.write(
      `wrote ${data.entities.length} entities and ${data.relationships.length} relationships to ${values.out} (generated in ${Math.round(generatedMs)} ms)\n`,
    );
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
