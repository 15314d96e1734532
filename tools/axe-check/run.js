// Check an HTML page against WCAG 2.1 A and AA with axe-core in jsdom; print the violations as JSON.
// Usage: node run.js PAGE.html   (after 'npm ci' in this folder; .ci/run does it)
const fs = require("fs");
const { JSDOM, VirtualConsole } = require("jsdom");

const page = fs.readFileSync(process.argv[2], "utf8");
const quiet = new VirtualConsole(); // jsdom has no canvas: axe's icon-ligature probe would say so on every node
const dom = new JSDOM(page, { runScripts: "outside-only", pretendToBeVisual: true, virtualConsole: quiet });
dom.window.eval(fs.readFileSync(require.resolve("axe-core"), "utf8"));
dom.window.axe
  .run(dom.window.document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] } })
  .then((results) => {
    const found = results.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 5) }));
    process.stdout.write(JSON.stringify(found, null, 1));
  })
  .catch((error) => {
    process.stderr.write(String(error));
    process.exit(2);
  });
