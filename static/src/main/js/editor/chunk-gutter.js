// Run states of chunks, shown as a marker in a gutter at each delimiter line.
//
//   view.dispatch({effects: setChunkState.of({pos: chunkStart, state: 'running'})})
//   view.dispatch({effects: clearChunkStates.of(null)})
//
// A state is kept at its delimiter line's start and follows the line through edits; it is
// dropped when the line's first character is deleted. Delimiter lines without a state show
// the 'idle' marker.

import { MapMode, RangeSet, RangeValue, StateEffect, StateField } from '@codemirror/state';
import { GutterMarker, gutter } from '@codemirror/view';
import { lineIsDelimiter } from './chunks.js';

/** The states a chunk can show (ChunkState in notebook-core). */
export const CHUNK_STATES = Object.freeze(['idle', 'queued', 'running', 'done', 'error', 'stale']);

/** Throws a RangeError unless `state` is one of CHUNK_STATES. */
export function requireChunkState(state) {
  if (!CHUNK_STATES.includes(state)) {
    throw new RangeError(`unknown chunk state '${state}' (use ${CHUNK_STATES.join(', ')})`);
  }
}

/** Sets the state of the chunk whose delimiter line starts at `pos` (0-based offset). */
export const setChunkState = StateEffect.define({
  map: (value, changes) => ({ ...value, pos: changes.mapPos(value.pos, 1) }),
});

/** Forgets every chunk state. */
export const clearChunkStates = StateEffect.define();

class StateMark extends RangeValue {
  constructor(state) {
    super();
    this.state = state;
  }

  eq(other) {
    return other.state === this.state;
  }
}
// Move with text inserted before the line (start and end side 1: after it), drop when the line's first character goes.
StateMark.prototype.startSide = 1;
StateMark.prototype.endSide = 1;
StateMark.prototype.mapMode = MapMode.TrackAfter;
StateMark.prototype.point = true;

const stateMarks = Object.fromEntries(CHUNK_STATES.map((state) => [state, new StateMark(state)]));

const chunkStates = StateField.define({
  create: () => RangeSet.empty,
  update(marks, transaction) {
    let next = marks.map(transaction.changes);
    // Run All sets thousands of states in one transaction: they are gathered by position (the
    // last one set wins) and applied in one update of the set, not one rebuild each.
    let states = null;
    for (const effect of transaction.effects) {
      if (effect.is(clearChunkStates)) {
        next = RangeSet.empty;
        states = null;
      } else if (effect.is(setChunkState)) {
        const { pos, state } = effect.value;
        requireChunkState(state);
        (states ??= new Map()).set(pos, state);
      }
    }
    return states === null ? next : withStates(next, states);
  },
});

/** `marks` with the mark at each position of `states` replaced by that state's. */
function withStates(marks, states) {
  const positions = [...states.keys()].sort((a, b) => a - b);
  return marks.update({
    filter: (from) => !states.has(from),
    filterFrom: positions[0],
    filterTo: positions[positions.length - 1],
    add: positions.map((pos) => stateMarks[states.get(pos)].range(pos)),
  });
}

/** The state shown for the chunk whose delimiter line starts at `pos`. */
export function chunkStateAt(state, pos) {
  let found = 'idle';
  state.field(chunkStates).between(pos, pos, (from, to, mark) => {
    if (from === pos) {
      found = mark.state;
      return false;
    }
    return undefined;
  });
  return found;
}

class ChunkStateMarker extends GutterMarker {
  constructor(state) {
    super();
    this.state = state;
  }

  eq(other) {
    return other.state === this.state;
  }

  toDOM() {
    const marker = document.createElement('span');
    const label = `Chunk state: ${this.state}`;
    marker.className = `cm-chunk-state cm-chunk-state-${this.state}`;
    marker.setAttribute('role', 'img');
    marker.setAttribute('title', label);
    marker.setAttribute('aria-label', label);
    return marker;
  }
}

const markers = Object.fromEntries(CHUNK_STATES.map((state) => [state, new ChunkStateMarker(state)]));

const stateGutter = gutter({
  class: 'cm-chunk-state-gutter',
  lineMarker(view, line) {
    return lineIsDelimiter(view.state.doc, line) ? markers[chunkStateAt(view.state, line.from)] : null;
  },
  lineMarkerChange: (update) => update.startState.field(chunkStates) !== update.state.field(chunkStates),
  initialSpacer: () => markers.idle,
});

/** The extension: the state field and its gutter. */
export const chunkStateGutter = [chunkStates, stateGutter];
