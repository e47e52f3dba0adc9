// Notebooks saved on the Jupyter server the notebook's Python runs on, through its Contents API
// (@jupyterlab/services' ContentsManager, the client JupyterLab uses): Download .ipynb's text written
// as a notebook at a path of the server's, so that the user can go on in JupyterLab there.
//
//   const { path, url } = await saveNotebookOnServer(settings, 'analysis.ipynb', ipynbText);
//   // a file there already: rejects with a FileExists unless { replace: true }

import { ContentsManager } from '@jupyterlab/services';
import { bytesToBase64 } from '../page/base64.js';

/** The server has a file at the path already, and the save was not asked to replace it. */
export class FileExists extends Error {
  constructor(path, serverUrl) {
    super(`${path} exists on the Jupyter server at ${serverUrl}: replace it, or choose another name.`);
    this.name = 'FileExists';
    this.path = path;
  }
}

/**
 * A path on the server for a notebook: relative to the server's root, with '/' between folders, ending
 * with .ipynb (added when missing). Throws on an empty path or one that climbs out of the root.
 */
export function notebookPath(text) {
  const parts = String(text ?? '').trim().replaceAll('\\', '/').split('/').filter((part) => part !== '' && part !== '.');
  if (parts.length === 0) throw new Error('Give the notebook a name, such as analysis.ipynb.');
  if (parts.includes('..')) throw new Error('The path must stay inside the server\'s folder (no "..").');
  const path = parts.join('/');
  return /\.ipynb$/i.test(path) ? path : `${path}.ipynb`;
}

/**
 * Writes `ipynbText` (an nbformat 4 notebook's JSON) as the notebook `path` on the server of
 * `settings`. Resolves with the path written and the address that opens it in JupyterLab there;
 * rejects with a FileExists when a file is there and `replace` is false, else with an Error saying
 * what the server answered (the folder does not exist, the token may not write, ...).
 */
export async function saveNotebookOnServer(settings, path, ipynbText, { replace = false } = {}) {
  const target = notebookPath(path);
  const content = JSON.parse(ipynbText);
  const contents = new ContentsManager({ serverSettings: settings });
  try {
    if (!replace && await exists(contents, target)) {
      throw new FileExists(target, settings.baseUrl);
    }
    const saved = await contents.save(target, { type: 'notebook', format: 'json', content });
    const encoded = saved.path.split('/').map(encodeURIComponent).join('/');
    return { path: saved.path, url: new URL(`lab/tree/${encoded}`, settings.baseUrl).href };
  } catch (error) {
    if (error instanceof FileExists) throw error;
    throw new Error(`Could not save ${target} on the Jupyter server at ${settings.baseUrl}: ${reasonOf(error)}`, { cause: error });
  } finally {
    contents.dispose();
  }
}

/**
 * Copies the user's data files (`files`, as page/data-files.js's readAllDataFiles gives them:
 * {name: {bytes, lastUpdated}}) into the server's root folder, where its
 * kernels start, so that `open('sales.csv')` finds them there too. A file already on the server is
 * never written over. Resolves with {copied, kept}: the names written, and those left as the server
 * has them; rejects saying what the server answered.
 */
export async function copyFilesToServer(settings, files) {
  const contents = new ContentsManager({ serverSettings: settings });
  const copied = [];
  const kept = [];
  try {
    for (const [name, { bytes }] of Object.entries(files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (await exists(contents, name)) {
        kept.push(name);
      } else {
        await contents.save(name, { type: 'file', format: 'base64', content: bytesToBase64(new Uint8Array(bytes)) });
        copied.push(name);
      }
    }
    return { copied, kept };
  } catch (error) {
    throw new Error(`Could not copy the data files to the Jupyter server at ${settings.baseUrl}: ${reasonOf(error)}`, { cause: error });
  } finally {
    contents.dispose();
  }
}

async function exists(contents, path) {
  try {
    await contents.get(path, { content: false });
    return true;
  } catch (error) {
    if (error?.response?.status === 404) return false;
    throw error;
  }
}

/** What the server said, without the library's request dump. */
function reasonOf(error) {
  const status = error?.response?.status;
  const message = error?.message ? String(error.message).split('\n')[0] : String(error);
  return status ? `${status} ${message}` : message;
}

/** The notebook files Open from the server offers, by their name's ending. */
const OPENED_NAMES = /\.(ipynb|iomd|py)$/i;

/**
 * What the folder `path` ('' for the server's root) holds that Open from the server can show:
 * its folders and its notebooks (.ipynb, .iomd, and .py scripts, which open as notebooks of # %% cells),
 * folders first, each { name, path, folder }.
 */
export async function listServerFolder(settings, path) {
  const contents = new ContentsManager({ serverSettings: settings });
  try {
    const folder = await contents.get(cleanFolder(path), { type: 'directory', content: true });
    return (folder.content ?? [])
      .filter((item) => item.type === 'directory' || OPENED_NAMES.test(item.name))
      .map((item) => ({ name: item.name, path: item.path, folder: item.type === 'directory' }))
      .sort((a, b) => (a.folder === b.folder ? a.name.localeCompare(b.name) : a.folder ? -1 : 1));
  } catch (error) {
    throw new Error(`Could not list ${cleanFolder(path) || 'the server\'s folder'} on the Jupyter server at ${settings.baseUrl}: ${reasonOf(error)}`,
      { cause: error });
  } finally {
    contents.dispose();
  }
}

/** The text of the notebook file `path` on the server: an .ipynb as its JSON, an .iomd or a .py as it is written. */
export async function readServerNotebook(settings, path) {
  const contents = new ContentsManager({ serverSettings: settings });
  try {
    if (/\.ipynb$/i.test(path)) {
      const model = await contents.get(path, { type: 'notebook', content: true });
      return JSON.stringify(model.content, null, 1);
    }
    const model = await contents.get(path, { type: 'file', format: 'text', content: true });
    return String(model.content);
  } catch (error) {
    throw new Error(`Could not read ${path} on the Jupyter server at ${settings.baseUrl}: ${reasonOf(error)}`, { cause: error });
  } finally {
    contents.dispose();
  }
}

function cleanFolder(path) {
  return String(path ?? '').split('/').filter((part) => part !== '' && part !== '.' && part !== '..').join('/');
}
