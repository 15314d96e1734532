// Read BPMN files with the real bpmn.io reader and lint them with bpmnlint's recommended rules.
// Input (stdin): a JSON array of BPMN XML texts. Output (stdout): a JSON array with, for each,
// {warnings: [reader warnings], lint: [{rule, id, message, category}]}, or {error}.
import { createRequire } from 'node:module';
import { BpmnModdle } from 'bpmn-moddle';

const require = createRequire(import.meta.url);
const { Linter } = require('bpmnlint');
const NodeResolver = require('bpmnlint/lib/resolver/node-resolver');

// A linter per file: some rules (no-duplicate-sequence-flows) remember what they saw.
const linter = () => new Linter({ config: { extends: 'bpmnlint:recommended' }, resolver: new NodeResolver() });

const sources = JSON.parse(await new Promise((resolve) => {
  let input = '';
  process.stdin.on('data', (chunk) => (input += chunk)).on('end', () => resolve(input));
}));
const results = [];
for (const source of sources) {
  try {
    const { rootElement, warnings } = await new BpmnModdle().fromXML(source);
    const reports = await linter().lint(rootElement);
    const lint = Object.entries(reports).flatMap(([rule, found]) =>
      found.map((r) => ({ rule, id: r.id ?? '', message: r.message, category: r.category })));
    results.push({ warnings: warnings.map((w) => w.message), lint });
  } catch (error) {
    results.push({ error: String(error.message ?? error).split('\n')[0] });
  }
}
process.stdout.write(JSON.stringify(results));
