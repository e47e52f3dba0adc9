// decompressed-copy-worker.js: the editor page's worker that makes the decompressed copy of a stored
// file (page/decompressed-copy.js: keepDecompressedCopy starts it and terminates it once answered).
import { answerCopyAsks } from './decompressed-copy.js';

answerCopyAsks(self);
