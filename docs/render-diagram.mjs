// Renders a BPMN diagram to PNG the way Camunda Modeler draws it (bpmn-js), in headless Chromium.
// Used for docs/collaboration.png in README.md; the build does not depend on it.
//
//   npm install --prefix /tmp/kyodo-render bpmn-js playwright-core   # once, outside the repository
//   node docs/render-diagram.mjs processes/collaboration.bpmn docs/collaboration.png
//
// Environment: KYODO_RENDER_MODULES (default /tmp/kyodo-render/node_modules) where bpmn-js and playwright-core
// are installed; CHROMIUM (default /usr/bin/chromium, Debian's package). Japanese labels need a CJK font
// installed for Chromium (Debian: fonts-noto-cjk).
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error('usage: node docs/render-diagram.mjs <diagram.bpmn> <image.png>');
  process.exit(2);
}
const modules = process.env.KYODO_RENDER_MODULES || '/tmp/kyodo-render/node_modules';
const require = createRequire(join(resolve(modules), 'noop.js'));
const { chromium } = require('playwright-core');
const bpmnJs = join(resolve(modules), 'bpmn-js', 'dist');

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 2400, height: 1400 }, deviceScaleFactor: 1.5 });
  await page.setContent(`<!doctype html><html><head><meta charset="utf-8"><style>
      html, body { margin: 0; background: #fff; }
      #canvas { width: 2400px; height: 1400px; }
      .bjs-powered-by { display: none; }
    </style></head><body><div id="canvas"></div></body></html>`);
  for (const css of ['assets/diagram-js.css', 'assets/bpmn-js.css', 'assets/bpmn-font/css/bpmn-embedded.css']) {
    await page.addStyleTag({ path: join(bpmnJs, css) });
  }
  await page.addScriptTag({ path: join(bpmnJs, 'bpmn-navigated-viewer.production.min.js') });
  const box = await page.evaluate(async (xml) => {
    const viewer = new window.BpmnJS({
      container: '#canvas',
      textRenderer: { defaultStyle: { fontFamily: '"Noto Sans CJK JP", "Noto Sans JP", sans-serif', fontSize: 12 } },
    });
    await viewer.importXML(xml);
    const canvas = viewer.get('canvas');
    const inner = canvas.getActiveLayer().getBBox();
    const margin = 20;
    const width = Math.ceil(inner.width + 2 * margin);
    const height = Math.ceil(inner.height + 2 * margin);
    const element = document.getElementById('canvas');
    element.style.width = width + 'px';
    element.style.height = height + 'px';
    canvas.resized();
    canvas.viewbox({ x: inner.x - margin, y: inner.y - margin, width, height });
    return { width, height };
  }, readFileSync(input, 'utf8'));
  await page.setViewportSize({ width: box.width, height: box.height });
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done())));
  await page.locator('#canvas').screenshot({ path: output });
  console.log(`${output}: ${box.width}×${box.height} px (×1.5)`);
} finally {
  await browser.close();
}
