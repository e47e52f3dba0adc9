// How every editor of the page indents: four spaces a level, as PEP 8 and Jupyter indent
// (CodeMirror's default is two). The notebook editor, embedded cells and the console's input.

import { indentUnit } from '@codemirror/language';

export const fourSpaceIndent = indentUnit.of('    ');
