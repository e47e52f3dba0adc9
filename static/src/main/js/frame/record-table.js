// A js value that is an array of records (plain objects, as JSON rows, d3.csvParse or a fetch's
// .json() give them) shown as a table, as Iodide showed such a value in its data table and marimo
// shows a list of dicts: a column for each key, in the order the rows first name them, a row for each
// record, and a caption saying how many there are. Long values are cut; only the first rows and
// columns are shown. Anything else is not a table (null): it shows as its short description.
//
//   recordTableHtml([{ city: 'Oslo', rain: 763 }, { city: 'Rome', rain: 798 }])
//   // '<table><caption>2 rows × 2 columns</caption><thead><tr><th>city</th><th>rain</th>…'

import { objectText } from './value-text.js';

/** At most this many rows are shown (the caption says how many there are). */
export const MAX_ROWS = 50;
/** At most this many columns are shown. */
export const MAX_COLUMNS = 20;
/** A cell's text is cut to this many characters. */
export const MAX_CELL_CHARS = 100;

/** Whether `value` is a plain object: made by `{…}`, JSON.parse or Object.create(null), not by a class. */
function isRecord(value) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  try {
    const prototype = Object.getPrototypeOf(value);
    return prototype === Object.prototype || prototype === null;
  } catch (e) {
    return false; // A proxy that refuses.
  }
}

function escaped(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function cut(text) {
  return text.length > MAX_CELL_CHARS ? `${text.slice(0, MAX_CELL_CHARS - 1)}…` : text;
}

/** The text of a cell: a string as it is, undefined as nothing, an object as JSON (else its String). */
function cellText(value) {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return String(value);
  return objectText(value);
}

function counted(count, one, many) {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}

/** The HTML table of `value` when it is a non-empty array of records with at least one key; null otherwise. */
export function recordTableHtml(value) {
  if (!Array.isArray(value) || value.length === 0 || !value.every(isRecord)) return null;
  const keys = new Set();
  for (const record of value) {
    for (const key of Object.keys(record)) keys.add(key);
  }
  if (keys.size === 0) return null;
  const columns = [...keys].slice(0, MAX_COLUMNS);
  const rows = value.slice(0, MAX_ROWS);
  const shown = [];
  if (rows.length < value.length) shown.push(`the first ${MAX_ROWS} rows`);
  if (columns.length < keys.size) shown.push(`the first ${MAX_COLUMNS} columns`);
  const caption = `${counted(value.length, 'row', 'rows')} × ${counted(keys.size, 'column', 'columns')}`
    + (shown.length ? ` (${shown.join(' and ')} shown)` : '');
  const head = columns.map((key) => `<th>${escaped(cut(key))}</th>`).join('');
  const body = rows.map((record) => `<tr>${columns.map((key) => `<td>${escaped(cut(cellText(record[key])))}</td>`).join('')}</tr>`)
    .join('');
  return `<table class="jodide-records"><caption>${escaped(caption)}</caption><thead><tr>${head}</tr></thead>`
    + `<tbody>${body}</tbody></table>`;
}
