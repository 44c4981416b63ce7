import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root, startServe } from './server-helpers.js';
import { CHROMIUM, launchChromium } from './helpers.js';

const script = readFileSync(join(root, 'examples', 'userscript', 'aspalint-before-send.user.js'), 'utf8');

/** A stand-in ticket page: a reply box and a Send button whose form records what was sent. */
const PAGE = `<!doctype html><meta charset="utf-8"><title>Ticket #1042</title>
<form id="reply" onsubmit="event.preventDefault(); window.sent.push(document.querySelector('textarea').value)">
  <textarea rows="10" cols="60"></textarea>
  <button type="submit">Send</button>
</form>
<script>window.sent = [];</script>`;

/**
 * The example user script in headless Chromium against `aspalint serve`, both
 * on loopback: the page calls the service with fetch, as a script outside a
 * user-script manager does, so the service runs with --allow-origin.
 */
describe.skipIf(!existsSync(CHROMIUM))('the before-send user script', () => {
  let page: Server;
  let origin: string;
  let service: Awaited<ReturnType<typeof startServe>>;
  let browser: import('playwright-core').Browser;

  beforeAll(async () => {
    page = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE));
    await new Promise<void>((resolve) => page.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(page.address() as AddressInfo).port}`;
    service = await startServe(['--allow-origin', origin]);
    browser = await launchChromium();
  }, 60000);

  afterAll(async () => {
    await browser?.close();
    await service?.stop();
    await new Promise((resolve) => page?.close(resolve));
  });

  async function ticket() {
    const tab = await browser.newPage();
    const errors: string[] = [];
    tab.on('pageerror', (err) => errors.push(err.message));
    await tab.goto(origin);
    await tab.addScriptTag({ content: `window.ASPALINT_URL = ${JSON.stringify(service.url)};\n${script}` });
    return { tab, errors };
  }

  it('holds back a draft with findings and shows them; a second click sends it', async () => {
    const { tab, errors } = await ticket();
    const draft = 'Hei,\n\nÄlä epäröi ottaa meihin yhteyttä, jos sinulla on kysyttävää.\n\nYstävällisin terveisin\nAsiakaspalvelu';
    await tab.fill('textarea', draft);
    await tab.click('button');
    await tab.waitForSelector('#aspalint-panel li');
    const rules = await tab.$$eval('#aspalint-panel li', (items) => items.map((li) => (li as HTMLElement).dataset.rule));
    expect(rules).toEqual(expect.arrayContaining(['phrase/calque', 'greeting/generic', 'signoff/faceless']));
    expect(await tab.textContent('#aspalint-panel strong')).toMatch(/^aspalint: score [1-9]/);
    expect(await tab.evaluate(() => (window as unknown as { sent: string[] }).sent)).toEqual([]);
    await tab.click('button');
    await tab.waitForFunction(() => (window as unknown as { sent: string[] }).sent.length === 1);
    expect(await tab.evaluate(() => (window as unknown as { sent: string[] }).sent)).toEqual([draft]);
    expect(errors).toEqual([]);
    await tab.close();
  });

  it('sends a clean draft at once', async () => {
    const { tab, errors } = await ticket();
    const draft = 'Hei Anna,\n\nkiitos viestistäsi. Paketti lähti tänään, ja seurantakoodi tulee sinulle tekstiviestillä.\n\nTerveisin\nLaura';
    await tab.fill('textarea', draft);
    await tab.click('button');
    await tab.waitForFunction(() => (window as unknown as { sent: string[] }).sent.length === 1);
    expect(await tab.textContent('#aspalint-panel strong')).toBe('aspalint: score 0');
    expect(errors).toEqual([]);
    await tab.close();
  });
});
