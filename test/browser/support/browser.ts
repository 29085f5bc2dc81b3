import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';

const ROOT = resolve(__dirname, '..', '..', '..');

/** Debian's Chromium (installed by scripts/browser/chromium.sh where missing); playwright-core never downloads one. */
export function chromiumPath(): string {
  return execFileSync('bash', [join(ROOT, 'scripts', 'browser', 'chromium.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
}

/**
 * Headless Chromium as the machine allows it: no sandbox (tests run as root), and none of the
 * background traffic that a closed network refuses.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

/** A fresh browser profile (own cookies and sessionStorage), sized like a laptop screen. */
export async function newContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'en-GB', timezoneId: 'UTC' });
}

/** Where screenshots go: GATEHOUSE_SCREENSHOTS, else test-results/screenshots (not committed). */
export function screenshotDir(): string {
  const dir = process.env.GATEHOUSE_SCREENSHOTS ? resolve(process.env.GATEHOUSE_SCREENSHOTS) : join(ROOT, 'test-results', 'screenshots');
  mkdirSync(dir, { recursive: true });
  return dir;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(screenshotDir(), `${name}.png`), fullPage: true });
}

/** axe-core on the page as it is: serious and critical violations, each with the elements it names. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join('; ')})`);
}

/** Signs in on the console's sign-in page by pasting a token, as a person would; ends on `next` (home by default). */
export async function signInWithToken(page: Page, baseUrl: string, token: string, next = '/'): Promise<void> {
  await page.goto(`${baseUrl}/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Paste an API token').fill(token);
  await page.getByRole('button', { name: 'Sign in with token' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

/** Fails the test on any CSP violation or uncaught error the page reports. */
export function watchPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Refused to/.test(message.text())) errors.push(`csp: ${message.text()}`);
  });
  return errors;
}

/**
 * The browser's globals as code passed to `page.evaluate` sees them (this project's TypeScript
 * has no DOM library): write `(globalThis as unknown as InPage).document` inside such callbacks.
 */
export interface InPage {
  document: {
    querySelectorAll(selector: string): ArrayLike<{ textContent: string | null }> & Iterable<{ textContent: string | null }>;
    querySelector(selector: string): { click(): void } | null;
  };
  localStorage: { length: number } & Record<string, unknown>;
  sessionStorage: Record<string, unknown>;
}
