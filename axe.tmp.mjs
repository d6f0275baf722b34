import { chromium } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu'] });
const ctx = await b.newContext();
const p = await ctx.newPage();
const cases = {
  plain: '<math><mi>x</mi></math>',
  semantics: '<math><semantics><mrow><mi>x</mi></mrow><annotation encoding="application/x-tex">x</annotation></semantics></math>',
  nosem: '<math><mrow><mi>x</mi></mrow></math>',
  alttext: '<math alttext="x"><semantics><mrow><mi>x</mi></mrow><annotation encoding="application/x-tex">x</annotation></semantics></math>',
  arialabel: '<math aria-label="x"><semantics><mrow><mi>x</mi></mrow></semantics></math>',
};
for (const [name, m] of Object.entries(cases)) {
  await p.setContent(`<!doctype html><html lang=en><title>t</title><main><table><thead><tr><th scope="col"><span class="katex">${m}</span></th><th scope="col">b</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table></main>`);
  const r = await new AxeBuilder({ page: p }).analyze();
  console.log(name, r.violations.map(v => v.id));
}
await b.close();
