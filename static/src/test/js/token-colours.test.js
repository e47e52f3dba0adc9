// report/token-colours.js and report.css colour highlighted code alike: the report's markdown chunks
// (report.css) and rich outputs (rich-output.js's base styles) look the same.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { TOKEN_CSS } from '../../main/js/report/token-colours.js';

const tokenRules = (css) => css.split('\n').map((line) => line.trim()).filter((line) => line.startsWith('.tok-'));

test('report.css holds exactly the token rules of token-colours.js, in the same order', () => {
  const reportCss = readFileSync(new URL('../../main/site/report.css', import.meta.url), 'utf8');
  const rules = tokenRules(TOKEN_CSS);
  assert.ok(rules.length >= 10, rules.join('\n'));
  assert.deepEqual(tokenRules(reportCss), rules);
});
