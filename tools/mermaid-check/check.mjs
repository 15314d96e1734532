// Parse Mermaid journey diagrams with the real Mermaid parser, as Mermaid renders them.
// Input (stdin): a JSON array of diagram sources. Output (stdout): a JSON array with, for each,
// {title, sections, tasks: [{section, task, score, people}]} as Mermaid's journey database
// holds them, text decoded as it is drawn (entity codes become characters); or {error}.
import { JSDOM } from 'jsdom';

globalThis.window = new JSDOM('').window; // DOMPurify, which Mermaid uses, needs a DOM
const { default: mermaid } = await import('mermaid');

// Mermaid sets entity codes aside as placeholders and turns them into HTML entities in its SVG.
const element = window.document.createElement('p');
const decoded = (text) => {
  element.innerHTML = text.replace(/ﬂ°°/g, '&#').replace(/ﬂ°/g, '&').replace(/¶ß/g, ';');
  return element.textContent;
};

const sources = JSON.parse(await new Promise((resolve) => {
  let input = '';
  process.stdin.on('data', (chunk) => (input += chunk)).on('end', () => resolve(input));
}));
const results = [];
for (const source of sources) {
  try {
    await mermaid.parse(source);
    const { db } = await mermaid.mermaidAPI.getDiagramFromText(source);
    results.push({
      title: decoded(db.getDiagramTitle()),
      sections: db.getSections().map(decoded),
      tasks: db.getTasks().map((t) => ({
        section: decoded(t.section), task: decoded(t.task), score: t.score, people: t.people.map(decoded),
      })),
    });
  } catch (error) {
    results.push({ error: String(error.message ?? error).split('\n')[0] });
  }
}
process.stdout.write(JSON.stringify(results));
