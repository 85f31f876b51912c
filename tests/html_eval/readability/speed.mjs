// Readability.js under Node.js on saved pages, for scripts/html-quality's
// speed table: the same work newsdex_html_eval speed does (bytes in, the
// page parsed into a DOM by jsdom, the article and its metadata out by
// Readability), timed by the wall clock and by the process's CPU time.
//
//   node speed.mjs PAGES_DIR ROUNDS
//
// Prints one JSON object on stdout: {"pages","rounds","bytes","wall_s",
// "cpu_s","chars"}. Progress goes to stderr.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";

import { Readability } from "@mozilla/readability";
import { JSDOM, VirtualConsole } from "jsdom";

const [dir, roundsArg] = process.argv.slice(2);
if (!dir || !roundsArg) {
  console.error("usage: node speed.mjs PAGES_DIR ROUNDS");
  process.exit(2);
}
const rounds = Number(roundsArg);
const pages = readdirSync(dir)
  .filter((f) => f.endsWith(".html.gz"))
  .sort()
  .map((f) => gunzipSync(readFileSync(join(dir, f))));
const bytes = pages.reduce((n, p) => n + p.length, 0);

// Pages' own console noise (CSS jsdom cannot parse) is not measured.
const quiet = new VirtualConsole();

const wallStart = process.hrtime.bigint();
const cpuStart = process.cpuUsage();
let chars = 0;
for (let r = 0; r < rounds; ++r) {
  for (const page of pages) {
    // A Buffer: jsdom finds the charset as a browser does (BOM, <meta>).
    const dom = new JSDOM(page, { virtualConsole: quiet });
    const article = new Readability(dom.window.document).parse();
    if (article && article.textContent) chars += article.textContent.length;
    dom.window.close();
  }
  console.error(`readability: round ${r + 1} of ${rounds} done`);
}
const cpu = process.cpuUsage(cpuStart);
const wall = Number(process.hrtime.bigint() - wallStart) / 1e9;
console.log(
  JSON.stringify({
    pages: pages.length,
    rounds,
    bytes,
    wall_s: wall,
    cpu_s: (cpu.user + cpu.system) / 1e6,
    chars,
  }),
);
