import { chromium } from '@playwright/test';

const [, , url, out, w, h] = process.argv;
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--use-angle=swiftshader', '--enable-unsafe-swiftshader'] });
const p = await b.newPage({ viewport: { width: +w || 1366, height: +h || 800 } });
p.on('console', (m) => {
  if (m.type() === 'error' || m.type() === 'warning') console.log('console', m.type(), m.text().slice(0, 200));
});
p.on('pageerror', (e) => console.log('pageerror', e.message));
await p.goto(url);
await p.waitForTimeout(5000);
if (process.env.CLICK) {
  await p.getByRole('button', { name: process.env.CLICK }).first().click();
  await p.waitForTimeout(1500);
}
await p.screenshot({ path: out });
await b.close();
