// The notebook's keyboard commands, ahead of every other binding (Shift-Enter must not insert
// a line break, Mod-Enter must not insert a blank line).

import { Prec } from '@codemirror/state';
import { keymap } from '@codemirror/view';

/** Key -> name of the command in the `commands` object given to createNotebookEditor. */
export const NOTEBOOK_KEYS = Object.freeze({
  'Mod-Enter': 'runChunk',
  'Shift-Enter': 'runAndAdvance',
  'Mod-Shift-Enter': 'runAll',
  'Mod-s': 'save',
  'Alt-h': 'showHelp',
});

export function notebookKeymap(commands = {}) {
  return Prec.highest(keymap.of(Object.entries(NOTEBOOK_KEYS).map(([key, name]) => ({
    key,
    preventDefault: true,
    run: () => {
      const command = commands[name];
      if (typeof command === 'function') {
        command();
      }
      return true;
    },
  }))));
}
