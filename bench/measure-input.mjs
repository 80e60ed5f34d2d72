/**
 * Child process of the linear-time benchmark: generates one adversarial
 * input, parses it (parseDocument), then publishes it (parse + standard
 * transforms + pseudo-XML), and prints one JSON line with the times.
 *
 *   node bench/measure-input.mjs NAME SIZE [REPEAT]
 *
 * REPEAT (default 1) is the most runs of each step; the best is printed.
 *
 * Run in its own process so the parent can kill it on a timeout and so one
 * input's garbage does not slow the next.
 */
import { performance } from 'node:perf_hooks';
import { INPUTS } from './adversarial-inputs.mjs';

const dist = new URL('../dist/', import.meta.url);
await import(new URL('rst/profiles/index.js', dist).href);
const { parseDocument } = await import(new URL('rst/parse.js', dist).href);
const { publish } = await import(new URL('rst/publish.js', dist).href);

const [name, sizeText, repeatText] = process.argv.slice(2);
const generate = INPUTS[name];
if (!generate) {
  console.error(`unknown input "${name}"; known: ${Object.keys(INPUTS).join(', ')}`);
  process.exit(2);
}
const size = Number(sizeText);
const repeat = Number(repeatText ?? '1');
const { text, settings = {} } = generate(size);

/** Best of up to `repeat` runs; no more runs once they have taken two seconds together. */
function best(run) {
  let fastest = Infinity;
  let spent = 0;
  let result;
  for (let index = 0; index < repeat && (index === 0 || spent < 2000); index++) {
    const started = performance.now();
    result = run();
    const elapsed = performance.now() - started;
    fastest = Math.min(fastest, elapsed);
    spent += elapsed;
  }
  return { milliseconds: fastest, result };
}

const parsed = best(() => parseDocument(text, { sourcePath: 'bench.rst', settings: { ...settings, reportLevel: 5, haltLevel: 5 } }));
const published = best(() => {
  const { document, messages } = publish(text, { sourcePath: 'bench.rst', settings: { ...settings, reportLevel: 1, haltLevel: 5 } });
  return { xml: document.pformat(), messages };
});
const nodes = (node) => 1 + (node.children ?? []).reduce((sum, child) => sum + nodes(child), 0);
let nodeCount = -1;
try {
  nodeCount = nodes(parsed.result);
} catch {
  // a tree too deep to count recursively: leave -1
}
process.stdout.write(
  JSON.stringify({
    name,
    bytes: Buffer.byteLength(text),
    lines: text.split('\n').length - 1,
    parseMs: parsed.milliseconds,
    publishMs: published.milliseconds,
    nodes: nodeCount,
    xmlBytes: published.result.xml.length,
    errors: (published.result.messages.match(/\((ERROR|SEVERE)\/[34]\)/g) ?? []).length,
  }) + '\n',
);
