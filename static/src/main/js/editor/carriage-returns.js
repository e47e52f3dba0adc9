// A "\r" just before a line break is part of a CRLF line break (spec section 2), but the editor
// splits lines on "\n" only, so that its offsets stay those of the file. Such a "\r" is hidden
// and the cursor steps over it; any other "\r" shows as a special character, as do the other
// control characters (highlightSpecialChars, told to leave "\r" to this module).

import { Decoration, EditorView, MatchDecorator, ViewPlugin, WidgetType, highlightSpecialChars } from '@codemirror/view';

// CodeMirror's default special characters, without "\r" (\u000d). The "g" flag is required:
// highlightSpecialChars hands this to a MatchDecorator, which throws without it (and the plugin
// then marks nothing, so a bidi override or a zero-width space would be invisible).
export const SPECIAL_BUT_CR = /[\u0000-\u0008\u000a-\u000c\u000e-\u001f\u007f-\u009f\u00ad\u061c\u200b\u200e\u200f\u2028\u2029\u202d\u202e\u2066\u2067\u2069\ufeff\ufff9-\ufffc]/gu;

const hidden = Decoration.replace({});
class CarriageReturnWidget extends WidgetType {
  eq() {
    return true;
  }

  toDOM() {
    const symbol = document.createElement('span');
    symbol.className = 'cm-specialChar';
    symbol.textContent = '\u240d';
    symbol.title = '\\r (carriage return)';
    return symbol;
  }
}

const shown = Decoration.replace({ widget: new CarriageReturnWidget() });

const matcher = new MatchDecorator({
  regexp: /\r/g,
  decoration: (match, view, pos) => (pos + 1 === view.state.doc.lineAt(pos).to ? hidden : shown),
});

const carriageReturns = ViewPlugin.fromClass(class {
  constructor(view) {
    this.decorations = matcher.createDeco(view);
  }

  update(update) {
    this.decorations = matcher.updateDeco(update, this.decorations);
  }
}, {
  decorations: (instance) => instance.decorations,
  provide: (plugin) => EditorView.atomicRanges.of((view) => view.plugin(plugin)?.decorations ?? Decoration.none),
});

/** Replaces highlightSpecialChars(). */
export const specialCharacters = [highlightSpecialChars({ specialChars: SPECIAL_BUT_CR }), carriageReturns];
