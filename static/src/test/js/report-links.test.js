// Links leading out of the report: the frame hands them over (report/outside-links.js) and the editor
// page opens them in a new tab (page/report-links.js). ReportLinksIT clicks real ones in Chromium.
import test from 'node:test';
import assert from 'node:assert/strict';
import { openReportLink, reportLinkTarget } from '../../main/js/page/report-links.js';
import { openLinksOutside } from '../../main/js/report/outside-links.js';

const BASE = 'https://host.example/notebooks/growth.iomd';

test('a relative link means the notebook\'s location; web and mail links open as written', () => {
  assert.deepEqual(reportLinkTarget('data/notes.html#part', BASE), { url: 'https://host.example/notebooks/data/notes.html#part' });
  assert.deepEqual(reportLinkTarget('index.html?notebook=b.iomd', BASE), { url: 'https://host.example/notebooks/index.html?notebook=b.iomd' });
  assert.deepEqual(reportLinkTarget(' https://example.com/x ', BASE), { url: 'https://example.com/x' });
  assert.deepEqual(reportLinkTarget('mailto:ada@example.com', BASE), { url: 'mailto:ada@example.com' });
});

test('other schemes are refused, saying which', () => {
  assert.deepEqual(reportLinkTarget('file:///etc/passwd', BASE), { refused: 'file: links are not opened from the report' });
  assert.deepEqual(reportLinkTarget('data:text/html,<b>x</b>', BASE), { refused: 'data: links are not opened from the report' });
  assert.deepEqual(reportLinkTarget('http://[::1', BASE), { refused: 'the link "http://[::1" is not a URL' });
});

test('openReportLink opens the resolved URL, or opens nothing and says why', () => {
  const opened = [];
  assert.equal(openReportLink('a.html', BASE, (url) => opened.push(url)), null);
  assert.match(openReportLink('blob:https://x/1', BASE, (url) => opened.push(url)), /blob: links are not opened/);
  assert.deepEqual(opened, ['https://host.example/notebooks/a.html']);
});

/** A stand-in for a document or shadow root and the click events dispatched in it. */
function rootWithListeners() {
  const listeners = {};
  return {
    addEventListener: (type, listener) => { (listeners[type] ||= []).push(listener); },
    dispatch(type, { button = 0, path = [], defaultPrevented = false } = {}) {
      const event = { type, button, defaultPrevented, composedPath: () => path, preventDefault() { this.defaultPrevented = true; } };
      for (const listener of listeners[type] || []) listener(event);
      return event;
    },
  };
}

/** An element of the path with the given tag and href, as `matches` sees it. */
function element(tag, href = null) {
  const node = Object.create(globalThis.Element.prototype);
  node.matches = (selector) => href !== null && selector.split(',').some((part) => part.trim().startsWith(`${tag}[href]`));
  node.getAttribute = (name) => (name === 'href' ? href : null);
  node.hasAttribute = () => false;
  return node;
}

test('a click on a link leading out is not followed in the frame; fragments, javascript: and handled clicks are left alone', () => {
  globalThis.Element ||= class Element {};
  const root = rootWithListeners();
  const asked = [];
  openLinksOutside(root, (href) => asked.push(href));
  const outside = root.dispatch('click', { path: [element('span'), element('a', 'https://example.com/'), element('p')] });
  assert.equal(outside.defaultPrevented, true, 'the frame does not load the page');
  root.dispatch('auxclick', { button: 1, path: [element('a', 'notes.html')] });
  root.dispatch('auxclick', { button: 2, path: [element('a', 'context-menu.html')] });
  assert.equal(root.dispatch('click', { path: [element('a', '#results')] }).defaultPrevented, false);
  assert.equal(root.dispatch('click', { path: [element('a', 'javascript:go()')] }).defaultPrevented, false);
  root.dispatch('click', { path: [element('a', 'handled.html')], defaultPrevented: true });
  root.dispatch('click', { path: [element('area', 'map.html')] });
  root.dispatch('click', { path: [element('button')] });
  assert.deepEqual(asked, ['https://example.com/', 'notes.html', 'map.html']);
});

test('a download link, or a data: or blob: URL, goes to download(href, name) when the report has one', () => {
  const root = rootWithListeners();
  const opened = [];
  const downloads = [];
  openLinksOutside(root, (href) => opened.push(href), (href, name) => downloads.push([href, name]));
  const withDownload = (href, name) => {
    const link = element('a', href);
    link.hasAttribute = (attribute) => attribute === 'download' && name !== null;
    const getAttribute = link.getAttribute;
    link.getAttribute = (attribute) => (attribute === 'download' ? name : getAttribute(attribute));
    return link;
  };
  root.dispatch('click', { path: [withDownload('data:text/csv,a%2Cb', 'rows.csv')] });
  root.dispatch('click', { path: [withDownload('blob:null/5', null)] });
  root.dispatch('click', { path: [withDownload('results/summary.txt', '')] });
  root.dispatch('click', { path: [withDownload('https://example.com/', null)] });
  assert.deepEqual(downloads, [['data:text/csv,a%2Cb', 'rows.csv'], ['blob:null/5', ''], ['results/summary.txt', '']]);
  assert.deepEqual(opened, ['https://example.com/']);

  const page = rootWithListeners();
  openLinksOutside(page, (href) => opened.push(href));
  const left = page.dispatch('click', { path: [withDownload('data:text/csv,a', 'rows.csv')] });
  assert.equal(left.defaultPrevented, false, 'without a download handler (the editor page), the browser downloads it');
  assert.deepEqual(opened, ['https://example.com/']);
});

test('downloadedFile reads the link\'s file and names it: its download name, the URL\'s, or by its type', async () => {
  const { downloadedFile } = await import('../../main/js/report/outside-links.js');
  assert.deepEqual(await downloadedFile('data:text/csv;base64,YSxiCjEsMgo=', 'rows.csv'), { name: 'rows.csv', base64: 'YSxiCjEsMgo=' });
  assert.deepEqual(await downloadedFile('data:text/csv,a%2Cb', ''), { name: 'download.csv', base64: Buffer.from('a,b').toString('base64') });
  assert.deepEqual(await downloadedFile('data:application/x-thing,1', ' '), { name: 'download', base64: 'MQ==' });
  assert.equal((await downloadedFile('data:text/plain,x', '../etc/passwd')).name, '.._etc_passwd', 'no folders in a name');
  await assert.rejects(downloadedFile('https://127.0.0.1:1/rows.csv', ''), /^Error: https:\/\/127\.0\.0\.1:1\/rows\.csv could not be read: /);
});

test('whenUserActive (user-activation.js) waits a moment for the activation a click in the frame gives this page, then gives up', async () => {
  const { whenUserActive } = await import('../../main/js/page/user-activation.js');
  const heard = [];
  whenUserActive((active) => heard.push(['at once', active]), 1000, { isActive: true });
  whenUserActive((active) => heard.push(['no API', active]), 1000, undefined);
  const late = { isActive: false };
  const arrived = new Promise((resolve) => whenUserActive((active) => resolve(['late', active]), 1000, late));
  setTimeout(() => { late.isActive = true; }, 50);
  const never = new Promise((resolve) => whenUserActive((active) => resolve(['never', active]), 100, { isActive: false }));
  heard.push(await arrived, await never);
  assert.deepEqual(heard, [['at once', true], ['no API', true], ['late', true], ['never', false]]);
});

test("openReportLinksOutside reads a download link's file in the frame and hands it on, or why it could not", async () => {
  const { openReportLinksOutside } = await import('../../main/js/report/outside-links.js');
  const root = rootWithListeners();
  const handed = [];
  const done = new Promise((resolve) => {
    openReportLinksOutside(root, () => {}, (...file) => {
      handed.push(file);
      if (handed.length === 2) resolve();
    });
  });
  const download = (href, name) => {
    const link = element('a', href);
    link.hasAttribute = (attribute) => attribute === 'download';
    const getAttribute = link.getAttribute;
    link.getAttribute = (attribute) => (attribute === 'download' ? name : getAttribute(attribute));
    return link;
  };
  root.dispatch('click', { path: [download('data:text/csv;base64,YSxiCjEsMgo=', 'rows.csv')] });
  root.dispatch('click', { path: [download('https://127.0.0.1:1/gone.csv', '')] });
  await done;
  handed.sort((a, b) => String(a[0]).localeCompare(String(b[0])));
  assert.deepEqual(handed[1], ['rows.csv', 'YSxiCjEsMgo=', null]);
  assert.equal(handed[0][0], null);
  assert.match(handed[0][2], /^https:\/\/127\.0\.0\.1:1\/gone\.csv could not be read: /);
});
