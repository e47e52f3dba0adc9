// A Lezer parser for the outer structure of an .iomd document: preamble, chunks, their
// delimiter lines and their bodies. Each body's node type names its chunk type (PyBody,
// JsBody, ...) so that parseMixed (see iomd-language.js) can parse it with its own language.
//
//   Document
//     Preamble?                       text before the first delimiter
//     Chunk*                          from a delimiter line to the next one (or the end)
//       Delimiter                     the delimiter line, without its line break
//       MdBody | JsBody | ... | Body   the text after the delimiter line, when not empty
//
// Parsing is linear in the length of the text: one pass over its lines. After an edit, the
// chunks whose text did not change are taken from the old tree (the same Tree objects), so
// parseMixed keeps their nested trees and only re-parses the chunks that changed.

import { NodeSet, NodeType, Parser, Tree } from '@lezer/common';
import { isDelimiterLine, resolveChunkType, PREAMBLE } from './iomd-syntax.js';

/** Node type of a body, by chunk type; fetch, raw and unknown bodies are plain `Body`. */
export const BODY_NODE_NAMES = Object.freeze({
  md: 'MdBody',
  js: 'JsBody',
  py: 'PyBody',
  css: 'CssBody',
  plugin: 'PluginBody',
});

const NODE_NAMES = ['Document', 'Preamble', 'Chunk', 'Delimiter', 'Body', ...Object.values(BODY_NODE_NAMES)];

/** The node types, without props (styles, language data): add them with NodeSet.extend. */
export const iomdNodeSet = new NodeSet(NODE_NAMES.map((name, id) => NodeType.define({ id, name, top: id === 0 })));

/** Parses the outer structure; `wrap` is an optional Lezer ParseWrapper (such as parseMixed). */
export class IomdParser extends Parser {
  constructor(nodeSet = iomdNodeSet, wrap = null) {
    super();
    this.nodeSet = nodeSet;
    this.wrap = wrap;
  }

  createParse(input, fragments, ranges) {
    const parse = new IomdParse(this.nodeSet, input, fragments, ranges);
    return this.wrap ? this.wrap(parse, input, fragments, ranges) : parse;
  }
}

class IomdParse {
  constructor(nodeSet, input, fragments, ranges) {
    this.nodeSet = nodeSet;
    this.input = input;
    this.fragments = fragments;
    this.from = ranges[0].from;
    this.to = ranges[ranges.length - 1].to;
    this.parsedPos = this.from;
    this.stoppedAt = null;
  }

  advance() {
    const to = this.stoppedAt === null ? this.to : Math.min(this.stoppedAt, this.to);
    const oldChunks = this.from === 0 ? new OldChunks(this.fragments) : OldChunks.NONE;
    const tree = buildTree(this.input.read(this.from, to), this.nodeSet, oldChunks);
    this.parsedPos = to;
    return tree;
  }

  stopAt(pos) {
    this.stoppedAt = pos;
  }
}

/** The chunk trees of the previous parse that lie wholly in text an edit left alone. */
class OldChunks {
  constructor(fragments) {
    this.fragments = fragments;
    this.byFragment = new Map();
  }

  /** The old Chunk tree spanning exactly [start, end) with the same body type, or null. */
  find(start, end, bodyName) {
    for (const fragment of this.fragments) {
      if (fragment.from > start || fragment.to < end) {
        continue;
      }
      const old = this.childrenAt(fragment).get(start + fragment.offset);
      if (old && old.type.name === 'Chunk' && old.length === end - start) {
        const body = old.children[1];
        if ((body ? body.type.name : null) === bodyName) {
          return old;
        }
      }
      return null;
    }
    return null;
  }

  childrenAt(fragment) {
    let children = this.byFragment.get(fragment);
    if (!children) {
      children = new Map();
      const tree = fragment.tree;
      if (tree.type.name === 'Document') {
        tree.children.forEach((child, index) => children.set(tree.positions[index], child));
      }
      this.byFragment.set(fragment, children);
    }
    return children;
  }
}
OldChunks.NONE = { find: () => null };

function buildTree(text, nodeSet, oldChunks) {
  const type = (name) => nodeSet.types[NODE_NAMES.indexOf(name)];
  const leaf = (name, length) => new Tree(type(name), [], [], length);
  const children = [];
  const positions = [];
  let chunkStart = -1;
  let chunkType = null;
  let delimiterEnd = 0; // end of the current delimiter line, before its line break
  let bodyStart = 0; // start of the line after the delimiter

  const closeChunk = (end) => {
    if (chunkStart < 0) {
      if (end > 0) {
        children.push(leaf('Preamble', end));
        positions.push(0);
      }
      return;
    }
    const bodyName = end > bodyStart ? BODY_NODE_NAMES[chunkType] || 'Body' : null;
    let chunk = oldChunks.find(chunkStart, end, bodyName);
    if (!chunk) {
      const parts = [leaf('Delimiter', delimiterEnd - chunkStart)];
      const partPositions = [0];
      if (bodyName) {
        parts.push(leaf(bodyName, end - bodyStart));
        partPositions.push(bodyStart - chunkStart);
      }
      chunk = new Tree(type('Chunk'), parts, partPositions, end - chunkStart);
    }
    children.push(chunk);
    positions.push(chunkStart);
  };

  for (let lineStart = 0; lineStart <= text.length;) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    const nextLine = newline < 0 ? text.length + 1 : newline + 1;
    const line = text.slice(lineStart, Math.min(lineEnd, lineStart + 2));
    if (isDelimiterLine(line)) {
      closeChunk(lineStart);
      const fullLine = text.slice(lineStart, lineEnd);
      chunkType = resolveChunkType(fullLine, chunkStart < 0 ? PREAMBLE : chunkType);
      chunkStart = lineStart;
      delimiterEnd = fullLine.endsWith('\r') ? lineEnd - 1 : lineEnd;
      bodyStart = Math.min(nextLine, text.length);
    }
    lineStart = nextLine;
  }
  closeChunk(text.length);
  return new Tree(type('Document'), children, positions, text.length);
}
