// Ctrl+S: the notebook's exact text to a file. In place through the File System Access API
// when there is a file to write (one opened with Open…, or chosen at the previous save), else the
// browser's save dialog where it has one, else a download.

import { offerText, readFile } from './notebook-files.js';

/**
 * Saves `content` (the text with its byte order mark, if any) to the file behind `handle`, or
 * where the user picks, or as a download of `suggestedName`. callback(handle, how, error):
 *   how "in-place" (written to handle), "picked" (written to a file just chosen: handle),
 *   "downloaded" (offered as a download: no handle), "cancelled" (the user closed the dialog);
 *   error, when not null, says why nothing was written.
 */
export function saveNotebookFile(handle, suggestedName, content, callback, win = globalThis) {
  if (handle) {
    write(handle, content).then(() => callback(handle, 'in-place', null),
      (failure) => callback(handle, null, why(failure, handle.name)));
    return;
  }
  if (typeof win.showSaveFilePicker === 'function') {
    Promise.resolve().then(() => win.showSaveFilePicker({ suggestedName, types: NOTEBOOK_TYPES }))
      .then((picked) => write(picked, content).then(() => callback(picked, 'picked', null),
        (failure) => callback(null, null, why(failure, picked.name))),
      (failure) => (failure && failure.name === 'AbortError' ? callback(null, 'cancelled', null)
        : callback(null, null, why(failure, suggestedName))));
    return;
  }
  offerText(suggestedName, content);
  callback(null, 'downloaded', null);
}

const NOTEBOOK_TYPES = [{ description: 'Jodide notebook', accept: { 'text/plain': ['.iomd'] } }];
// Open… takes Jupyter notebooks and Python scripts in # %% cells too (converted to .iomd:
// docs/ipynb.md, docs/percent.md); Save writes .iomd only.
const OPENED_TYPES = [...NOTEBOOK_TYPES,
  { description: 'Jupyter notebook', accept: { 'application/x-ipynb+json': ['.ipynb'] } },
  { description: 'Python script in # %% cells', accept: { 'text/x-python': ['.py'] } }];

async function write(handle, content) {
  if (typeof handle.queryPermission === 'function'
    && await handle.queryPermission({ mode: 'readwrite' }) !== 'granted'
    && await handle.requestPermission({ mode: 'readwrite' }) !== 'granted') {
    throw new Error('the browser was not allowed to write to the file');
  }
  const writable = await handle.createWritable();
  try {
    await writable.write(new Blob([content], { type: 'text/plain;charset=utf-8' }));
  } finally {
    await writable.close();
  }
}

function why(failure, name) {
  return `could not write ${name}: ${(failure && failure.message) || failure}`;
}

/**
 * Open…: the browser's file dialog. Where it has the File System Access API, the picked file
 * comes with its handle, so that Ctrl+S writes back to it: callback(name, text, error, handle);
 * elsewhere `fallbackInput` (an <input type=file>) is clicked and its own listener answers.
 */
export function pickNotebookFile(fallbackInput, callback, win = globalThis) {
  if (typeof win.showOpenFilePicker !== 'function') {
    fallbackInput.click();
    return;
  }
  Promise.resolve().then(() => win.showOpenFilePicker({ types: OPENED_TYPES, excludeAcceptAllOption: false }))
    .then(([handle]) => handle.getFile().then((file) => readFile(file, (text, error) => callback(file.name, text, error,
      handle))), (failure) => {
      if (!failure || failure.name !== 'AbortError') fallbackInput.click();
    });
}
