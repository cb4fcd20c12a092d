// `npm run screenshots`: opens VS Code for the web on the examples (no tests: the test runner
// stops the client at the end, which clears the diagnostics) in Debian's headless Chromium and
// saves the pictures the README shows to docs/images/:
//
//   diagnostics.png      squiggles on references/Dockerfile with the Problems panel open
//   hover-size.png       the image-size hover on a variant-rich base image (sizes and smaller variants)
//   inlay-hints.png      hovers/Dockerfile with stagecraft.imageSize.inlayHints on (set in the Settings UI)
//   convert-action.png   the lightbulb menu on a single-stage Dockerfile offering Convert to multi-stage
//   convert-preview.png  the conversion in VS Code's Refactor Preview: the diff, the change to tick, Apply
//   convert-applied.png  the Dockerfile after Apply: a builder and a runtime stage
//
// Each shot waits for what it shows and fails loudly when that never appears, rather than saving a
// picture of something else.
//   --no-build   reuse dist/ from an earlier build
//   SCREENSHOTS_TIMEOUT overall limit in seconds (default 360)

import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  CHROMIUM,
  CHROMIUM_FLAGS,
  EXAMPLES,
  HOST,
  ROOT,
  buildExtension,
  chromiumEnvironment,
  findFreePort,
  hasChromium,
  prepareOfflineBuild,
} from "./web-host.mjs";

const OUT_DIR = join(ROOT, "docs", "images");
const VIEWPORT = { width: 1280, height: 800 };
const overallTimeoutSeconds = Number(process.env.SCREENSHOTS_TIMEOUT ?? 360);

if (!hasChromium()) {
  console.error(`screenshots: ${CHROMIUM} is not installed; install it with 'sudo bash scripts/ci-install-web-deps.sh' or set CHROMIUM_PATH.`);
  process.exit(1);
}
const overallTimer = setTimeout(() => {
  console.error(`screenshots: not done after ${overallTimeoutSeconds} s; stopping.`);
  process.exit(1);
}, overallTimeoutSeconds * 1000);

if (!process.argv.includes("--no-build")) buildExtension();
mkdirSync(OUT_DIR, { recursive: true });

const offlineBuild = prepareOfflineBuild();
const browserEnv = chromiumEnvironment();
const { open } = await import("@vscode/test-web");
const { chromium } = await import("playwright-core");
const port = await findFreePort();
const server = await open({ ...offlineBuild, browserType: "none", host: HOST, port, extensionDevelopmentPath: ROOT, folderPath: EXAMPLES });
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: ["--headless", ...CHROMIUM_FLAGS],
  env: { ...process.env, XDG_CONFIG_HOME: browserEnv.XDG_CONFIG_HOME, XDG_CACHE_HOME: browserEnv.XDG_CACHE_HOME },
});

// Apply writes the conversion into the example (the web workbench saves after a delay): put it back.
const CONVERTED_EXAMPLE = join(EXAMPLES, "convert", "go", "Dockerfile");
const convertedOriginal = readFileSync(CONVERTED_EXAMPLE, "utf8");
const failures = [];
try {
  const page = await browser.newPage({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  await page.goto(`http://localhost:${port}/`);
  await page.locator(".monaco-workbench").waitFor({ timeout: 60_000 });
  await page.getByRole("treeitem", { name: "references", exact: true }).waitFor({ timeout: 60_000 });
  // The Welcome page is a webview, which test-web's server cannot host (its service worker fails):
  // close it and its error notification so they are not in the pictures.
  await runCommand(page, "View: Close All Editors");
  await runCommand(page, "Notifications: Clear All Notifications");

  await shot("diagnostics.png", async () => {
    await openFromExplorer(page, ["references", "Dockerfile"]);
    await page.locator(".squiggly-error").first().waitFor({ timeout: 30_000 });
    await page.keyboard.press("Control+Shift+M");
    await page.locator(".markers-panel .monaco-tl-row").first().waitFor({ timeout: 10_000 });
    // The misspelled --from line, so the error squiggle is in view above the panel.
    await goToText(page, "references/Dockerfile", "--from=biulder");
  });

  await shot("hover-size.png", async () => {
    await closePanel(page);
    await openFromExplorer(page, ["hovers", "Dockerfile"]);
    await goToText(page, "hovers/Dockerfile", "node:${NODE_VERSION}-bookworm");
    await runCommand(page, "Show or Focus Hover");
    const hover = page.locator(".monaco-hover:not(.hidden)").first();
    await hover.waitFor({ timeout: 10_000 });
    // A variant-rich image: the hover lists smaller variants with their saving.
    await page.waitForFunction(() => /\d\s?MB[\s\S]*Smaller variant/.test(document.querySelector(".monaco-hover:not(.hidden)")?.textContent ?? ""), null, {
      timeout: 10_000,
    });
  });

  await shot("inlay-hints.png", async () => {
    await page.keyboard.press("Escape");
    await runCommand(page, "Preferences: Open User Settings");
    await page.locator(".settings-editor").waitFor({ timeout: 10_000 });
    await page.keyboard.type("stagecraft.imageSize.inlayHints");
    const checkbox = page.locator(".settings-editor .setting-item-bool .setting-value-checkbox").first();
    await checkbox.waitFor({ timeout: 10_000 });
    if ((await checkbox.getAttribute("aria-checked")) !== "true") await checkbox.click();
    await runCommand(page, "View: Close Editor");
    await openFromExplorer(page, ["hovers", "Dockerfile"]);
    await goToText(page, "hovers/Dockerfile", "FROM golang");
    // Inlay hints are rendered inside the text lines, after each image.
    await page.waitForFunction(() => (document.querySelector(".editor-instance .view-lines")?.textContent?.match(/\d\s?MB/g) ?? []).length >= 3, null, {
      timeout: 15_000,
    });
  });

  await shot("convert-action.png", async () => {
    await page.keyboard.press("Escape");
    await openFromExplorer(page, ["convert", "go", "Dockerfile"]);
    await page.locator(".squiggly-info").first().waitFor({ timeout: 30_000 });
    await goToText(page, "convert/go/Dockerfile", "go build"); // where single-stage-build reports
    await openLightbulbMenu(page);
    await page
      .locator(".action-widget")
      .getByText(/Convert to multi-stage/i)
      .first()
      .waitFor({ timeout: 10_000 });
  });

  await shot("convert-preview.png", async () => {
    await page.keyboard.press("Escape");
    // Room for the diff above the Refactor Preview panel.
    await page.setViewportSize({ width: 1280, height: 1000 });
    await runCommand(page, "View: Toggle Primary Side Bar Visibility");
    await page.locator(".part.sidebar").waitFor({ state: "hidden", timeout: 5_000 });
    await goToText(page, "convert/go/Dockerfile", "go build");
    await openLightbulbMenu(page);
    await chooseAction(page, /Convert to multi-stage/i);
    const change = page.locator(".bulk-edit-panel .monaco-list-row").first();
    await change.waitFor({ timeout: 20_000 });
    // The change needs confirmation, so it comes unticked: tick it, and a click on the file shows
    // the whole diff above the panel, as a person would read it before choosing Apply.
    await page.locator(".bulk-edit-panel .monaco-list-row .edit-checkbox").first().click();
    await page.waitForTimeout(300);
    await change.click();
    await page.locator(".monaco-diff-editor").first().waitFor({ timeout: 10_000 });
    await page.waitForTimeout(1500);
  });

  await shot("convert-applied.png", async () => {
    await page.locator(".bulk-edit-panel .monaco-button", { hasText: "Apply" }).first().click();
    await page.locator(".monaco-diff-editor").first().waitFor({ state: "hidden", timeout: 10_000 });
    await runCommand(page, "View: Hide Panel");
    await goToText(page, "convert/go/Dockerfile", "FROM");
    await page.waitForFunction(() => (document.querySelector(".editor-instance .view-lines")?.textContent?.match(/FROM/g) ?? []).length >= 2, null, {
      timeout: 10_000,
    });
  });

  /** Runs `prepare`, then captures the window; a shot whose subject never appears is reported, not saved. */
  async function shot(file, prepare) {
    try {
      await prepare();
      await page.waitForTimeout(500);
      await page.screenshot({ path: join(OUT_DIR, file) });
      console.log(`saved docs/images/${file}`);
    } catch (error) {
      failures.push(file);
      console.error(`screenshots: ${file} not taken: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
      await page.screenshot({ path: join(ROOT, "out", `screenshot-failed-${file}`) }).catch(() => {});
    }
  }
} finally {
  await browser.close();
  writeFileSync(CONVERTED_EXAMPLE, convertedOriginal);
  server.dispose();
  clearTimeout(overallTimer);
}

if (failures.length > 0) {
  console.error(`screenshots: ${failures.length} of 6 not taken (${failures.join(", ")}); what the page showed instead is in out/screenshot-failed-*.png.`);
  process.exit(1);
}
process.exit(0);

/** Opens a file by clicking through the Explorer (Quick Open does not search test-web's mounted folder). */
async function openFromExplorer(page, segments) {
  await runCommand(page, "File: Collapse Folders in Explorer");
  for (const name of segments) {
    await page.getByRole("treeitem", { name, exact: true }).first().click();
    await page.waitForTimeout(300);
  }
  await page.locator(".editor-instance .monaco-editor .view-lines").first().waitFor({ timeout: 10_000 });
}

async function runCommand(page, label) {
  await page.keyboard.press("F1");
  const input = page.locator(".quick-input-widget .quick-input-box input").first();
  await input.waitFor({ timeout: 10_000 });
  await input.fill(`>${label}`);
  await page.locator(".quick-input-list .monaco-list-row").first().waitFor({ timeout: 10_000 });
  await page.keyboard.press("Enter");
  await page.waitForTimeout(300);
}

async function goToLine(page, line, column) {
  await page.keyboard.press("Control+G");
  const input = page.locator(".quick-input-widget .quick-input-box input").first();
  await input.waitFor({ timeout: 10_000 });
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press("Enter");
  await page.waitForTimeout(300);
}

/** Opens the Quick Fix menu at the cursor; a busy workbench sometimes drops the first key press. */
async function openLightbulbMenu(page) {
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press("Control+.");
    try {
      await page.locator(".action-widget").waitFor({ timeout: 5_000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
      await page.keyboard.press("Escape");
    }
  }
}

/** Picks an entry of the open lightbulb menu with the keyboard (the menu ignores synthetic clicks). */
async function chooseAction(page, label) {
  for (let step = 0; step < 12; step++) {
    const focused = await page.locator(".action-widget .monaco-list-row.focused").first().textContent({ timeout: 5_000 });
    if (label.test(focused ?? "")) {
      await page.keyboard.press("Enter");
      return;
    }
    await page.keyboard.press("ArrowDown");
  }
  throw new Error(`no entry matching ${label} in the lightbulb menu`);
}

/** Puts the cursor on the first occurrence of `text` in an example (1-based line and column). */
async function goToText(page, example, text) {
  const lines = readFileSync(join(EXAMPLES, example), "utf8").split("\n");
  const index = lines.findIndex((l) => l.includes(text));
  if (index < 0) throw new Error(`'${text}' is not in examples/${example}`);
  await goToLine(page, index + 1, lines[index].indexOf(text) + 1);
}

async function closePanel(page) {
  await runCommand(page, "View: Hide Panel");
}
