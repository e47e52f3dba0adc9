// The editors' theme switch (editor/themes.js): a view is reconfigured only when its look changes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { themeSwitch } from '../../main/js/editor/themes.js';

test('setting the theme a view shows already (as the application does when it starts) reconfigures nothing; another one does', () => {
  const dispatched = [];
  const view = { dispatch: (transaction) => dispatched.push(transaction) };
  const theme = themeSwitch('light');
  theme.attach(view);
  theme.set(view, 'light');
  // No matchMedia here: 'auto' resolves to light, the look the view has.
  theme.set(view, 'auto');
  assert.equal(dispatched.length, 0);
  assert.equal(theme.theme, 'auto');
  theme.set(view, 'dark');
  assert.equal(dispatched.length, 1);
  theme.set(view, 'light');
  assert.equal(dispatched.length, 2);
  assert.throws(() => theme.set(view, 'sepia'), /unknown theme/);
});
