import { mkdirSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSearchBox } from "../../examples/search-box/build.js";
import { filter } from "../../src/evaluate/matches.js";
import { sampleTransactions } from "../../src/sandbox/sample-data.js";
import { serializedGrammar } from "../../src/syntax/parser.js";
import { chromiumPath, launch, offlinePage } from "./chromium.js";

const root = new URL("../../", import.meta.url);
// SECUQ_SCREENSHOTS=1 writes the pictures the docs show (npm run screenshots).
const screenshots = process.env.SECUQ_SCREENSHOTS ? fileURLToPath(new URL("docs/images/", root)) : undefined;
const missing = chromiumPath === undefined;
if (missing && process.env.SECUQ_REQUIRE_BROWSER) {
  it("runs, because SECUQ_REQUIRE_BROWSER is set", () => {
    expect.fail("Chromium is missing: apt-get install chromium, or set CHROMIUM_PATH");
  });
} else if (missing) {
  console.warn("\n[secuq] The browser tests are skipped: Chromium is missing (apt-get install chromium)\n");
}

describe.skipIf(missing)("in Chromium", () => {
  let browser: Browser;
  beforeAll(async () => {
    await buildSearchBox();
    browser = await launch();
    if (screenshots) mkdirSync(screenshots, { recursive: true });
  });
  afterAll(async () => {
    await browser.close();
  });

  it("the search box: a mistake is marked, a completion and the fixes are taken, the right transactions show", async () => {
    const { page, requests, errors } = await offlinePage(browser);
    await page.goto(new URL("examples/search-box/index.html", root).href);
    await page.locator(".cm-content").click();
    // An empty box is where a person starts: nothing is marked or listed.
    expect(await page.locator("#problems .problem").count()).toBe(0);
    expect(await page.locator(".cm-lintRange-error").count()).toBe(0);

    // A lowercase operator and a misspelt value: both marked in the text and listed, with their fixes.
    await page.keyboard.type("status:aproved and ", { delay: 10 });
    const problems = page.locator("#problems .problem");
    const codes = () => problems.evaluateAll((items) => items.map((i) => (i as HTMLElement).dataset.code));
    await expect.poll(codes).toEqual(["lowercase-operator", "unknown-value"]);
    // The editor's own mark, once its linter has run (it waits for typing to pause).
    await expect.poll(() => page.locator(".cm-lintRange-error").textContent()).toBe("and");
    expect(await page.locator("#found").textContent()).toBe("Fix the query to search.");

    // A field by its prefix: the first completion is taken with Enter.
    await page.keyboard.type("basket_info.su", { delay: 10 });
    const first = page.locator(".cm-tooltip-autocomplete li").first();
    await expect.poll(() => first.textContent()).toContain("basket_info.sum");
    await page.keyboard.press("Enter");
    await page.keyboard.type(">=10000", { delay: 10 });
    const doc = () => page.locator(".cm-content").innerText();
    expect(await doc()).toBe("status:aproved and basket_info.sum:>=10000");

    // The fixes, by their buttons.
    await page.getByRole("button", { name: "Write AND" }).click();
    await expect.poll(codes).toEqual(["unknown-value"]);
    await page.getByRole("button", { name: "Write approved" }).click();
    expect(await doc()).toBe("status:approved AND basket_info.sum:>=10000");
    await expect.poll(() => problems.count()).toBe(0);

    // The canonical form, and the transactions the evaluator finds in the same sample here.
    expect(await page.locator("#canonical").textContent()).toBe("status:approved AND basket_info.sum:[10000 TO *]");
    const expected = filter(sampleTransactions(10_000, 1), "status:approved AND basket_info.sum:>=10000");
    expect(await page.locator("#found").textContent()).toBe(`${expected.length.toLocaleString("en-US")} found`);
    expect(await page.locator("#results tbody tr td:first-child").allTextContents()).toEqual(
      expected.slice(0, 20).map((record) => record.id),
    );
    // Highlighting: the field and the operator have their classes.
    expect(await page.locator(".cm-q-field").allTextContents()).toEqual(["status", "basket_info.sum"]);
    expect(await page.locator(".cm-q-operator").allTextContents()).toEqual(["AND"]);

    // A query the server would read otherwise than it looks: a warning with its fix; what is sent is the canonical
    // form, parenthesised as the text reads to a person, and the results are that query's.
    await page.keyboard.press("End");
    await page.keyboard.type(" OR status:shipped ", { delay: 10 });
    await expect.poll(codes).toEqual(["ambiguous-precedence"]);
    await expect.poll(() => first.textContent()).toContain("AND");
    const sent = "(status:approved AND basket_info.sum:[10000 TO *]) OR status:shipped";
    expect(await page.locator("#canonical").textContent()).toBe(sent);
    const found = filter(sampleTransactions(10_000, 1), sent);
    expect(await page.locator("#found").textContent()).toBe(`${found.length.toLocaleString("en-US")} found`);
    if (screenshots) await page.screenshot({ path: `${screenshots}search-box.png` });
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
  });

  it("the Monaco search box: tokens, markers, a suggestion taken, a quick fix applied", async () => {
    const { page, requests, errors } = await offlinePage(browser);
    await page.goto(new URL("examples/search-box/monaco.html", root).href);
    await page.locator(".monaco-editor .view-lines").click();
    await page.keyboard.type("status:aproved and ", { delay: 10 });
    const codes = () =>
      page.locator("#problems .problem").evaluateAll((items) => items.map((i) => (i as HTMLElement).dataset.code));
    await expect.poll(codes).toEqual(["lowercase-operator", "unknown-value"]);

    // A suggestion, taken with Enter.
    await page.keyboard.type("basket_info.su", { delay: 10 });
    await expect
      .poll(() => page.locator(".suggest-widget.visible .monaco-list-row").first().textContent())
      .toContain("basket_info.sum");
    await page.keyboard.press("Enter");
    await page.keyboard.type(">=10000", { delay: 10 });
    // Monaco draws spaces as no-break spaces.
    const text = async () => (await page.locator(".monaco-editor .view-lines").innerText()).replaceAll("\u00a0", " ");
    expect(await text()).toBe("status:aproved and basket_info.sum:>=10000");

    // The quick fix at the mistake (Ctrl-.), the preferred one first.
    await page.keyboard.press("Home");
    for (let i = 0; i < 16; i++) await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Control+.");
    await expect.poll(() => page.locator(".action-widget").first().innerText()).toContain("Write AND");
    await page.keyboard.press("Enter");
    await expect.poll(text).toBe("status:aproved AND basket_info.sum:>=10000");
    await expect.poll(codes).toEqual(["unknown-value"]);
    expect(await page.locator("#canonical").textContent()).toBe("status:aproved AND basket_info.sum:[10000 TO *]");

    // Tokens are coloured by the theme's rules: the field and the operator differ.
    const colour = (word: string) =>
      page
        .locator(".view-line span span", { hasText: new RegExp(`^${word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`) })
        .first()
        .evaluate((span) => getComputedStyle(span).color);
    // Polled: Monaco redraws its lines, and a span read while it is replaced has no computed colour.
    await expect.poll(() => colour("status")).toBe("rgb(11, 92, 173)");
    await expect.poll(() => colour("AND")).toBe("rgb(207, 34, 46)");
    if (screenshots) await page.screenshot({ path: `${screenshots}monaco.png` });
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
  });

  it("grammar/diagrams.html draws every rule offline", async () => {
    const { page, requests, errors } = await offlinePage(browser);
    await page.goto(pathToFileURL(fileURLToPath(new URL("grammar/diagrams.html", root))).href);
    const rules = serializedGrammar().map((rule) => (rule as unknown as { name: string }).name);
    expect(await page.locator("h2.diagramHeader").allTextContents()).toEqual(rules);
    const sizes = await page
      .locator("svg.railroad-diagram")
      .evaluateAll((svgs) => svgs.map((svg) => (svg as SVGSVGElement).getBoundingClientRect().width));
    expect(sizes).toHaveLength(rules.length);
    expect(sizes.every((width) => width > 100)).toBe(true);
    // The terminals read as typed, drawn in the theme's boxes.
    expect(await page.locator("svg.railroad-diagram g.terminal text").allTextContents()).toContain("AND, &&");
    if (screenshots) await page.screenshot({ path: `${screenshots}diagrams.png`, fullPage: true });
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
  });
});
