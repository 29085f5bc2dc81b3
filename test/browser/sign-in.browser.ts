import type { Browser } from 'playwright-core';
import { type InPage, launchChromium, newContext, screenshot, seriousViolations, signInWithToken, watchPageErrors } from './support/browser';
import { ConsoleApp, startConsoleApp } from './support/console-app';

/** Signing in to the console: a pasted API token, and single sign-on with a real OpenID provider. */
describe('signing in', () => {
  let app: ConsoleApp;
  let browser: Browser;

  beforeAll(async () => {
    app = await startConsoleApp({ oidcAccounts: [{ sub: 'ana', name: 'Ana Lima', groups: ['sales-data'], roles: ['approver'] }] });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('with a pasted API token, shows who I am, and forgets the token on sign-out', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    await page.goto(`${app.baseUrl}/catalog`);
    await page.waitForURL(/\/sign-in\?next=/);
    await screenshot(page, 'sign-in');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('Paste an API token').fill('ghs_not-a-real-token-at-all-000000000000000000');
    await page.getByRole('button', { name: 'Sign in with token' }).click();
    await page.getByLabel('Paste an API token').and(page.locator('[aria-invalid="true"]')).waitFor();

    await signInWithToken(page, app.baseUrl, app.tokens.olga, '/catalog');
    expect(new URL(page.url()).pathname).toBe('/catalog');
    await page.getByRole('button', { name: /Olga Owner/ }).click();
    await page.getByText('sales-data').first().waitFor();
    // the token lives in sessionStorage only, never in localStorage or the URL
    expect(await page.evaluate(() => Object.keys((globalThis as unknown as InPage).localStorage).length)).toBe(0);
    expect(page.url()).not.toContain(app.tokens.olga);

    await page.getByRole('menuitem', { name: /sign out/i }).or(page.getByRole('button', { name: /sign out/i })).first().click();
    await page.waitForURL(/\/sign-in/);
    expect(await page.evaluate(() => JSON.stringify((globalThis as unknown as InPage).sessionStorage))).not.toContain(app.tokens.olga);
    await page.goto(`${app.baseUrl}/catalog`);
    await page.waitForURL(/\/sign-in/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('with the OpenID provider: authorization code with PKCE, then the API with the ID token', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const errors = watchPageErrors(page);
    await page.goto(`${app.baseUrl}/sign-in`);
    await page.getByRole('button', { name: /Sign in with 127\.0\.0\.1/ }).click();
    // the provider's own login and consent pages
    await page.waitForURL((url) => url.origin === app.oidc!.issuer);
    await page.locator('input[name="login"]').fill('ana');
    await page.locator('input[name="password"]').fill('any password');
    await page.locator('button[type="submit"]').click();
    const consent = page.locator('button[type="submit"]', { hasText: /continue|authorize|allow/i });
    if (await consent.count()) await consent.first().click();
    await page.waitForURL((url) => url.origin === app.baseUrl && !url.pathname.startsWith('/auth/callback') && !url.pathname.startsWith('/sign-in'));
    await page.getByRole('button', { name: /Ana Lima/ }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('sends the user back to sign in when the token stops working (401)', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const issued = (await app.t.request('POST', '/api/v1/tokens', { body: { principal: 'alice' } })).body;
    await signInWithToken(page, app.baseUrl, issued.token, '/catalog');
    expect((await app.t.request('DELETE', `/api/v1/tokens/${issued.id}`)).status).toBe(200);
    // Moving within the console (a reload would start a new page, which knows of no session to
    // end). The catalog's own polling may meet the 401 first and have sent the user on already.
    await page.evaluate(() => (globalThis as unknown as InPage).document.querySelector('nav a[href="/promotions"]')?.click());
    await page.waitForURL(/\/sign-in\?next=/);
    await page.getByText(/session ended/i).waitFor();
    await context.close();
  });
});
