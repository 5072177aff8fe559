// The renderer's side of the hardening, in a real Chromium: the page runs under the app's Content-Security-Policy
// (no inline or foreign script, no network), under both the header and the <meta>, and links never navigate the window or open another one: a link to
// Kling's console goes to the person's browser through main, any other link goes nowhere.
import { expect, test } from '../fixtures';
import { SettingsDialog } from '../pages/settings-dialog';
import { KLING_LINKS } from '../../shared/security/external-links';

test('the page runs under the Content-Security-Policy, from the header and the <meta>', async ({ studio }) => {
  const { page } = studio;
  const header = (await page.request.get(page.url())).headers()['content-security-policy'];
  expect(header).toContain("default-src 'none'");
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute('content', /script-src 'self';/);

  // What a script that found its way into the page would try. (eval is not tried: code run through DevTools, as
  // Playwright's evaluate is, is exempt from the eval rule; the policy has no 'unsafe-eval', csp.test.ts checks that.)
  const outcome = await page.evaluate(async () => {
    const violations: string[] = [];
    // Which policy refused it: the header's has frame-ancestors, the <meta>'s cannot.
    document.addEventListener('securitypolicyviolation', (e) =>
      violations.push(`${e.effectiveDirective} (${e.originalPolicy.includes('frame-ancestors') ? 'header' : 'meta'})`),
    );
    const w = window as unknown as Record<string, unknown>;
    const inline = document.createElement('script');
    inline.textContent = 'window.__inlineRan = true';
    document.head.append(inline);
    const fromData = document.createElement('script');
    fromData.src = 'data:text/javascript,window.__dataRan=true';
    document.head.append(fromData);
    const fetched = await fetch('https://example.com/').then(
      () => 'ran',
      () => 'refused',
    );
    const loaded = await new Promise<string>((resolve) => {
      const img = new Image();
      img.onload = () => resolve('loaded');
      img.onerror = () => resolve('refused');
      img.src = 'https://example.com/pixel.png';
    });
    return { inline: w.__inlineRan === true, data: w.__dataRan === true, fetched, loaded, violations };
  });
  expect(outcome).toMatchObject({ inline: false, data: false, fetched: 'refused', loaded: 'refused' });
  const refusals = ['script-src-elem', 'connect-src', 'img-src'].flatMap((d) => [`${d} (header)`, `${d} (meta)`]);
  expect(outcome.violations).toEqual(expect.arrayContaining(refusals));
});

test('a link to Kling’s console opens in the browser; no link navigates the window or opens another', async ({ studio }) => {
  const { page } = studio;
  const desktop = studio.host?.desktop;
  test.skip(!desktop, 'links are recorded by the Chromium host’s desktop');
  const url = page.url();
  const settings = new SettingsDialog(page);
  await settings.open();
  const form = await settings.newProfileForm();
  const link = form.getByRole('link', { name: /Kling’s developer console/ });

  await link.click();
  await expect.poll(() => desktop?.opened).toEqual([KLING_LINKS.console]);
  await link.click({ button: 'middle' });
  await link.click({ modifiers: ['Shift'] });
  await link.click({ modifiers: ['ControlOrMeta'] });
  await expect.poll(() => desktop?.opened).toEqual(Array(4).fill(KLING_LINKS.console));

  // Links that are not on the allow-list, wherever they come from, do nothing at all.
  await form.evaluate((f) => {
    for (const [href, text] of [
      ['https://evil.example/', 'Elsewhere'],
      ['http://app.klingai.com/global/dev', 'Plain http'],
      ['file:///etc/passwd', 'A file'],
    ]) {
      const a = document.createElement('a');
      a.href = href as string;
      a.textContent = text as string;
      a.target = '_blank';
      f.append(a);
    }
  });
  for (const name of ['Elsewhere', 'Plain http', 'A file']) {
    await form.getByRole('link', { name }).click();
    await form.getByRole('link', { name }).click({ button: 'middle' });
  }
  // The allowed link once more: once it is recorded, every click before it has been handled.
  await link.click();
  await expect.poll(() => desktop?.opened.length).toBe(5);
  expect(desktop?.opened).toEqual(Array(5).fill(KLING_LINKS.console));
  expect(page.context().pages()).toHaveLength(1);
  expect(page.url()).toBe(url);
});
