// The page newsdex-serve serves at /, tested in a real browser: Debian's
// chromium, headless, driven over the DevTools protocol by puppeteer-core.
//
//   node tests/browser/page_test.mjs BIN_DIR OUT_DIR
//
// Builds a small database in OUT_DIR (three outlets, three months, a declared
// `category` field and an article whose title is a script tag), starts
// newsdex-serve on a free port and goes through what an analyst does: focus
// the box with "/", search, read the highlighted snippets, click a source
// facet, go back, click a month bar, page, sort, open an article, filter by a
// declared field, and read the hostile article (its title must show as text
// and nothing may run). Screenshots land in OUT_DIR/screenshots.
//
// Exit status: 0 when every check holds, 1 when one fails, 77 (CTest's skip)
// when chromium or puppeteer-core is missing outside CI; under CI=true a
// missing browser is a failure, since scripts/setup installs it.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createInterface } from "node:readline";
import path from "node:path";
import { fileURLToPath } from "node:url";

const [binDir, outDir] = process.argv.slice(2);
if (!binDir || !outDir) {
  console.error("usage: node page_test.mjs BIN_DIR OUT_DIR");
  process.exit(2);
}
const inCi = !!process.env.CI && process.env.CI !== "false";
function missing(what) {
  console.error(`browser test: ${what}; run scripts/setup`);
  process.exit(inCi ? 1 : 77);
}
const chromium = process.env.NEWSDEX_CHROMIUM || "/usr/bin/chromium";
if (!existsSync(chromium)) missing(`no browser at ${chromium}`);
let puppeteer;
try {
  puppeteer = (await import("puppeteer-core")).default;
} catch {
  missing(`puppeteer-core is not installed in ${path.dirname(fileURLToPath(import.meta.url))}`);
}

// ---- checks -----------------------------------------------------------------
let failures = 0;
function check(ok, what) {
  console.log(`${ok ? "ok  " : "FAIL"} ${what}`);
  if (!ok) failures++;
}

// ---- the database -----------------------------------------------------------
const work = path.join(outDir, "work");
const shots = path.join(outDir, "screenshots");
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
mkdirSync(shots, { recursive: true });

const outlets = ["Reuters", "BBC", "Kyiv Independent"];
const months = ["2025-01", "2025-02", "2025-03"];
const records = [];
for (let i = 0; i < 24; i++) {
  const source = outlets[i % 3];
  const month = months[Math.floor(i / 8)];
  const day = String(1 + (i % 8) * 3).padStart(2, "0");
  records.push({
    id: `art-${i}`,
    title: `Ceasefire talks, round ${i + 1}`,
    source,
    date: `${month}-${day}`,
    url: `https://example.org/${month}/talks-${i}`,
    category: i % 2 ? "politics" : "world",
    authors: [i % 2 ? "Jane Doe" : "John Roe"],
    text:
      `Volodymyr Zelenskyy said on Monday that the ceasefire talks in Geneva ` +
      `would go on for round ${i + 1}. Emmanuel Macron welcomed the ` +
      `progress. Negotiators met for hours, and officials said more ` +
      `meetings on prisoners and grain were planned for the coming weeks.`,
  });
}
records.push({
  id: "hostile",
  title: "<script>alert(1)</script>",
  source: "<b>Evil</b> Outlet",
  date: "2025-03-20",
  url: "javascript:window.__pwned=3",
  category: "world",
  text:
    "A xylophone report <img src=x onerror=\"window.__pwned=1\"> and " +
    "<script>window.__pwned=2</script> written into the text of the page.",
});
const jsonl = path.join(work, "articles.jsonl");
writeFileSync(jsonl, records.map((r) => JSON.stringify(r)).join("\n") + "\n");
const db = path.join(work, "db");
const index = spawnSync(path.join(binDir, "newsdex-index"),
  ["--db", db, "--field", "category", jsonl], { encoding: "utf8" });
if (index.status !== 0) {
  console.error(`browser test: newsdex-index failed:\n${index.stderr}`);
  process.exit(1);
}

// ---- the server -------------------------------------------------------------
const server = spawn(path.join(binDir, "newsdex-serve"),
  ["--db", db, "--port", "0", "--threads", "2"],
  { stdio: ["ignore", "pipe", "pipe"] });
let serverLog = "";
server.stderr.on("data", (d) => { serverLog += d; });
const base = await new Promise((resolve, reject) => {
  const lines = createInterface({ input: server.stdout });
  lines.once("line", (line) => {
    const m = /^listening on (http:\/\/\S+)$/.exec(line);
    m ? resolve(m[1]) : reject(new Error(`unexpected first line: ${line}`));
  });
  server.once("exit", (code) => reject(new Error(`newsdex-serve exited ${code}: ${serverLog}`)));
});

let browser;
const timer = setTimeout(() => {
  console.error("browser test: gave up after 120 s");
  process.exit(1);
}, 120_000);
try {
  browser = await puppeteer.launch({
    executablePath: chromium,
    headless: true,
    // root in CI has no user namespace sandbox; the page is our own.
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
  });
  await run(browser, base);
} catch (e) {
  check(false, `no exception (${e && e.stack ? e.stack : e})`);
} finally {
  if (browser) await browser.close();
  server.kill("SIGTERM");
  clearTimeout(timer);
}
console.log(`screenshots: ${shots}`);
if (failures) {
  console.error(`browser test: ${failures} check(s) failed`);
  process.exit(1);
}
console.log("browser test: all checks passed");

// ---- the walk through the page ---------------------------------------------
async function run(browser, base) {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  const dialogs = [];
  page.on("dialog", async (d) => { dialogs.push(d.message()); await d.dismiss(); });
  const pageErrors = [];
  page.on("pageerror", (e) => pageErrors.push(String(e)));
  page.on("console", (m) => { if (m.type() === "error") pageErrors.push(m.text()); });

  const total = async () => {
    const t = await page.$eval("#summary", (e) => e.textContent);
    const m = /^(\d+) article/.exec(t);
    return m ? Number(m[1]) : NaN;
  };
  // Waits until the page has rendered the answer for the current URL.
  const settled = () => page.waitForFunction(() => document.body.dataset.state === "ready" &&
    document.body.dataset.url === location.pathname + location.search);
  const params = () => new URL(page.url()).searchParams;
  const shot = (name) => page.screenshot({ path: path.join(shots, name), fullPage: true });

  await page.goto(base, { waitUntil: "networkidle0" });
  await settled();
  check(await total() === 25, "the empty query lists every article (25)");

  // "/" focuses the search box.
  await page.keyboard.press("/");
  check(await page.evaluate(() => document.activeElement && document.activeElement.id === "q"),
    "the / key focuses the search box");
  await page.keyboard.type("ceasefire talks");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => new URLSearchParams(location.search).get("q") === "ceasefire talks");
  await settled();
  const all = await total();
  check(all === 24, `the query finds the 24 talks articles (found ${all})`);
  check(params().get("q") === "ceasefire talks", "the query is in the URL");
  const hits = await page.$$eval(".hit", (els) => els.length);
  check(hits === 10, `a page shows 10 hits (${hits})`);
  const marked = await page.$$eval(".hit .snippet b", (els) => els.map((e) => e.textContent.toLowerCase()));
  check(marked.length > 0 && marked.every((w) => w.startsWith("ceasefire") || w.startsWith("talk")),
    `snippets mark the query words (${marked.slice(0, 4).join(", ")})`);
  const firstMeta = await page.$eval(".hit .meta", (e) => e.textContent);
  check(/2025-\d\d-\d\d/.test(firstMeta) && outlets.some((o) => firstMeta.includes(o)),
    `a hit shows its source and date (${firstMeta})`);
  const actorsLine = await page.$eval(".hit .actors", (e) => e.textContent);
  check(actorsLine.includes("Volodymyr Zelenskyy"), `a hit lists its actors (${actorsLine})`);
  await shot("1-search.png");

  // A source facet narrows the list and the URL.
  const bbc = await page.$('#facet-source button[data-value="BBC"]');
  check(!!bbc, "the source facet lists BBC");
  const bbcCount = Number(await page.$eval('#facet-source button[data-value="BBC"] .n', (e) => e.textContent));
  await bbc.click();
  await page.waitForFunction(() => new URLSearchParams(location.search).getAll("source").includes("BBC"));
  await settled();
  check(await total() === bbcCount && bbcCount === 8, `clicking BBC narrows to its ${bbcCount} articles`);
  const metas = await page.$$eval(".hit .meta", (els) => els.map((e) => e.textContent));
  check(metas.length > 0 && metas.every((m) => m.startsWith("BBC")), "every hit is from BBC");
  const chip = await page.$$eval("#filters .chip", (els) => els.map((e) => e.textContent));
  check(chip.some((c) => c.includes("source: BBC")), "the active filter is shown");
  await shot("2-source-facet.png");

  // The back button returns to the unfiltered list.
  await page.goBack();
  await settled();
  check(!params().has("source") && await total() === all, "the back button removes the filter");

  // A month bar filters to that month.
  const bars = await page.$$eval("#histogram button", (els) => els.map((e) => e.dataset.month));
  check(bars.length === 3, `the histogram has a bar per month (${bars.join(" ")})`);
  const feb = await page.$('#histogram button[data-month^="2025-02"]');
  await feb.click();
  await page.waitForFunction(() => new URLSearchParams(location.search).get("since") === "2025-02-01");
  await settled();
  check(params().get("until") === "2025-02-28", `a bar sets the month's range (until ${params().get("until")})`);
  check(await total() === 8, "February has its 8 articles");
  const dates = await page.$$eval(".hit .meta", (els) => els.map((e) => e.textContent));
  check(dates.every((d) => d.includes("2025-02-")), "every hit is from February");
  await shot("3-month-bar.png");
  // The chip removes it again.
  await page.click('#filters .chip button[aria-label^="Remove date"]');
  await settled();
  check(!params().has("since") && await total() === all, "removing the date chip lifts the filter");

  // Declared fields get a facet panel too.
  const politics = await page.$('#facets-declared button[data-field="category"][data-value="politics"]');
  check(!!politics, "the declared field category has a facet panel");
  if (politics) {
    await politics.click();
    await page.waitForFunction(() => new URLSearchParams(location.search).getAll("where").includes("category=politics"));
    await settled();
    check(await total() === 12, "clicking category politics narrows to 12");
    await page.click('#filters .chip button[aria-label^="Remove category"]');
    await settled();
  }

  // Paging.
  await page.click("#next");
  await settled();
  check(params().get("offset") === "10", "Next moves the offset to 10");
  const ranks = await page.$$eval(".hit h3 .n", (els) => els.map((e) => parseInt(e.textContent, 10)));
  check(ranks[0] === 11, `the second page starts at rank 11 (${ranks[0]})`);
  check((await page.$eval("#page", (e) => e.textContent)) === "Page 2 of 3", "the pager says page 2 of 3");

  // Sort by newest.
  await page.select("#sort", "-date");
  await page.click("button.primary");
  await page.waitForFunction(() => new URLSearchParams(location.search).get("sort") === "-date");
  await settled();
  const sorted = await page.$$eval(".hit .meta", (els) => els.map((e) => e.textContent.split(" · ")[1]));
  check(sorted.length === 10 && sorted.every((d, i) => i === 0 || sorted[i - 1] >= d),
    `newest first sorts by date (${sorted[0]} … ${sorted[sorted.length - 1]})`);
  check(!params().has("offset"), "a new search starts at the first page");

  // The article view.
  await page.click(".hit h3 a");
  await page.waitForFunction(() => document.getElementById("article").style.display === "block" &&
    document.getElementById("article-text").textContent.length > 0);
  check(params().has("article"), "the open article is in the URL");
  const text = await page.$eval("#article-text", (e) => e.textContent);
  check(text.includes("Negotiators met for hours"), "the article view shows the whole text");
  const artActors = await page.$eval("#article-actors", (e) => e.textContent);
  check(artActors.includes("Emmanuel Macron"), `the article view lists actors (${artActors})`);
  const link = await page.$eval("#article-meta a", (e) => ({ href: e.href, rel: e.rel })).catch(() => null);
  check(link && link.href.startsWith("https://example.org/2025-") && link.rel.includes("noopener"),
    `the article's URL is a link to the outlet (${link && link.href})`);
  await shot("4-article.png");
  await page.keyboard.press("Escape");
  await page.waitForFunction(() => document.getElementById("article").style.display === "none");
  check(!params().has("article"), "Escape closes the article");

  // The hostile article: text, never markup.
  await page.$eval("#q", (e) => { e.value = ""; });
  await page.type("#q", "xylophone");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => new URLSearchParams(location.search).get("q") === "xylophone");
  await settled();
  const title = await page.$eval(".hit h3 a", (e) => e.textContent);
  check(title === "<script>alert(1)</script>", `a script-tag title shows as text (${title})`);
  const source = await page.$eval(".hit .meta", (e) => e.textContent);
  check(source.startsWith("<b>Evil</b> Outlet"), "a source with markup shows as text");
  check(await page.$('#facet-actor button[data-value="unknown"]') === null &&
        (await page.$eval("#facet-actor", (e) => e.textContent)).startsWith("none"),
    "articles without actors are counted as none, not offered as a filter");
  await page.click(".hit h3 a");
  await page.waitForFunction(() => document.getElementById("article-text").textContent.includes("xylophone"));
  const hostileTitle = await page.$eval("#article-title", (e) => e.textContent);
  check(hostileTitle === "<script>alert(1)</script>", "the article view shows the title as text");
  check(await page.$("#article-meta a") === null, "a javascript: URL is never a link");
  await shot("5-hostile.png");
  check(await page.evaluate(() => document.querySelectorAll("img, .hit script, #article script").length) === 0,
    "no element came from the index's text");
  check(await page.evaluate(() => window.__pwned === undefined), "nothing from the index ran");
  check(dialogs.length === 0, `no dialog opened (${dialogs.join(", ")})`);

  // A misspelt query offers the respelled one, which searches when clicked.
  await page.$eval("#q", (e) => { e.value = ""; });
  await page.type("#q", "ceasfire talks");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => new URLSearchParams(location.search).get("q") === "ceasfire talks");
  await settled();
  const suggestion = await page.$("#summary button.suggestion");
  check(!!suggestion, "a misspelt query offers a suggestion");
  if (suggestion) {
    check(await page.$eval("#summary button.suggestion", (e) => e.textContent) === "ceasefire talks",
      "the suggestion is the respelled query");
    await suggestion.click();
    await page.waitForFunction(() => new URLSearchParams(location.search).get("q") === "ceasefire talks");
    await settled();
    check(await total() === 24, "clicking the suggestion searches for it");
  }

  // A phone.
  const phone = await browser.newPage();
  await phone.setViewport({ width: 390, height: 844, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  await phone.goto(new URL("/?q=ceasefire", base).href, { waitUntil: "networkidle0" });
  await phone.waitForFunction(() => document.body.dataset.state === "ready");
  const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  check(overflow <= 0, `nothing is wider than a phone screen (overflow ${overflow}px)`);
  const hitBox = await phone.$eval(".hit", (e) => e.getBoundingClientRect().width);
  check(hitBox > 300, `hits use the phone's width (${Math.round(hitBox)}px)`);
  await phone.screenshot({ path: path.join(shots, "6-phone.png") });

  // A shared link opens the same state.
  const shared = await browser.newPage();
  await shared.setViewport({ width: 1280, height: 900 });
  await shared.goto(new URL("/?q=ceasefire&source=Reuters&sort=date", base).href, { waitUntil: "networkidle0" });
  await shared.waitForFunction(() => document.body.dataset.state === "ready");
  const sharedTotal = await shared.$eval("#summary", (e) => e.textContent);
  check(sharedTotal.startsWith("8 articles"), `a shared link restores query and filters (${sharedTotal})`);
  check(await shared.$eval("#q", (e) => e.value) === "ceasefire", "a shared link fills the search box");

  check(pageErrors.length === 0, `no script errors (${pageErrors.join(" | ")})`);
}
