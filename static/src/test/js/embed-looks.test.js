// embed/looks.js: the light or dark look of a page's cells, from the page's choice or the system's.
import test from 'node:test';
import assert from 'node:assert/strict';
import { embedLooks } from '../../main/js/embed/looks.js';

/** A stand-in for matchMedia('(prefers-color-scheme: dark)') whose setting the test changes. */
function systemSetting(dark) {
  const listeners = [];
  return {
    matches: dark,
    addEventListener: (type, listener) => listeners.push(listener),
    set(next) {
      this.matches = next;
      listeners.forEach((listener) => listener());
    },
  };
}

test('auto follows the system, and every follower hears each change', () => {
  const system = systemSetting(false);
  const looks = embedLooks(undefined, system);
  const heard = [];
  looks.follow((look, theme) => heard.push(`a ${look} ${theme}`));
  looks.follow((look, theme) => heard.push(`b ${look} ${theme}`));
  system.set(true);
  assert.deepEqual(heard, ['a light auto', 'b light auto', 'a dark auto', 'b dark auto']);
  assert.equal(looks.look(), 'dark');
});

test("the page's choice holds whatever the system says, until the page changes it", () => {
  const system = systemSetting(false);
  const looks = embedLooks('dark', system);
  const heard = [];
  looks.follow((look, theme) => heard.push(`${look} ${theme}`));
  system.set(true);
  system.set(false);
  assert.deepEqual(heard, ['dark dark'], 'a chosen theme does not follow the system');
  looks.setTheme('light');
  looks.setTheme('auto');
  assert.deepEqual(heard, ['dark dark', 'light light', 'light auto']);
  assert.equal(looks.theme, 'auto');
});

test('an unknown theme: the attribute is warned about and ignored, setTheme refuses it', (t) => {
  const warned = t.mock.method(console, 'warn', () => {});
  const looks = embedLooks('blue', systemSetting(true));
  assert.equal(looks.theme, 'auto');
  assert.equal(looks.look(), 'dark');
  assert.match(warned.mock.calls[0].arguments[0], /data-jodide-theme="blue" is not a theme \(auto, light, dark\)/);
  assert.throws(() => looks.setTheme('sepia'), /RangeError: jodideEmbed.setTheme: unknown theme "sepia" \(use auto, light, dark\)/);
  assert.equal(looks.theme, 'auto');
});

test('without matchMedia (an old browser, a test runner), auto is light', () => {
  assert.equal(embedLooks('auto', null).look(), 'light');
});
