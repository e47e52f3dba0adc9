// The notebook's keyboard commands, ahead of every other binding (Shift-Enter must not insert
// a line break, Mod-Enter must not insert a blank line).

import { Prec } from '@codemirror/state';
import { keymap } from '@codemirror/view';
import { insertChunkBelow, splitChunk } from './chunk-commands.js';

/** Key -> name of the command in the `commands` object given to createNotebookEditor. */
export const NOTEBOOK_KEYS = Object.freeze({
  'Mod-Enter': 'runChunk',
  'Shift-Enter': 'runAndAdvance',
  'Mod-Shift-Enter': 'runAll',
  'Mod-s': 'save',
  'Alt-h': 'showHelp',
});

/** Keys that edit the chunks themselves (chunk-commands.js); Alt-Enter runs the chunk first, as in Jupyter. */
export const CHUNK_EDIT_KEYS = Object.freeze({
  'Alt-Enter': (view, commands) => {
    call(commands, 'runChunk');
    return insertChunkBelow(view);
  },
  'Mod-Shift--': (view) => splitChunk(view),
});

export function notebookKeymap(commands = {}) {
  const runs = Object.entries(NOTEBOOK_KEYS).map(([key, name]) => ({
    key,
    preventDefault: true,
    run: () => {
      call(commands, name);
      return true;
    },
  }));
  const edits = Object.entries(CHUNK_EDIT_KEYS).map(([key, edit]) => ({ key, preventDefault: true, run: (view) => edit(view, commands) }));
  return Prec.highest(keymap.of([...runs, ...edits]));
}

function call(commands, name) {
  const command = commands[name];
  if (typeof command === 'function') {
    command();
  }
}
