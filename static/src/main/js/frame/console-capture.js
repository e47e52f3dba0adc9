// What a js chunk, or a plugin language's evaluator, logs with console.log and its kin is printed
// under it, as a py chunk's print is: log, info, debug and dir go to the run's output, warn, error
// and a failed assert to its errors (red), from its start until its value is settled (awaits
// included). The browser's console still gets every call. What is logged while no run of this frame's
// JavaScript is in progress (a timer or an event handler after its chunk ended) goes to the printer
// set for calls outside runs, if any, with the stack of the call (js-evaluator.js's logOutsideRuns
// names the chunk from it).
//
//   const capture = consoleCapture(console, describe);
//   const stop = capture.printingTo((stream, text) => ...);   // stream 'stdout' or 'stderr'; text ends with \n
//   console.log('rows: %d', 3, {a: 1});                        // prints 'rows: 3 {"a":1}\n' to stdout
//   stop();
//   capture.outsideRuns((stream, text, stack) => ...);         // hears console.log in a timer

/** The console methods printed, and the stream each prints to. */
export const CONSOLE_STREAMS = Object.freeze({
  log: 'stdout', info: 'stdout', debug: 'stdout', dir: 'stdout', warn: 'stderr', error: 'stderr',
});

/**
 * The text of a console call's arguments, as browsers write it: a first string's %s, %d, %i, %f,
 * %o, %O and %j take the next arguments in turn (%c and its style are dropped, %% is %), and the
 * rest follow, separated by spaces; strings as they are, other values as `describe` shows them.
 */
export function logText(args, describe) {
  const shown = (value) => (typeof value === 'string' ? value : describe(value) ?? 'undefined');
  let next = 0;
  const parts = [];
  if (typeof args[0] === 'string') {
    next = 1;
    parts.push(args[0].replace(/%([sdifoOjc%])/g, (match, kind) => {
      if (kind === '%') return '%';
      if (next >= args.length) return match;
      const value = args[next++];
      switch (kind) {
        case 's': return shown(value);
        case 'd': case 'i':
          return typeof value === 'bigint' ? `${value}n` : String(kind === 'i' ? Number.parseInt(value, 10) : Number(value));
        case 'f': return String(Number.parseFloat(value));
        case 'c': return '';
        default: return describe(value) ?? 'undefined';
      }
    }));
  }
  for (const value of args.slice(next)) parts.push(shown(value));
  return parts.join(' ');
}

/**
 * Wraps `target`'s console methods (once; a second call gives the same capture) so that, while a
 * printer is set, each call is also printed through it. Returns {printingTo(print), outsideRuns(print)}:
 * printingTo sets the printer until the function it returns is called (the latest printer not yet
 * ended prints); outsideRuns sets what hears the calls while none is set, with their stack.
 */
export function consoleCapture(target, describe) {
  if (target.jodideCapture) return target.jodideCapture;
  const printers = []; // The printers set and not yet ended; the last one prints.
  let outside = null; // Hears the calls made while no printer is set, with their stack.
  const print = (stream, args) => {
    const current = printers.at(-1);
    if (current === undefined && outside === null) return;
    try {
      const text = `${logText(args, describe)}\n`;
      if (current !== undefined) current(stream, text);
      else outside(stream, text, new Error().stack || '');
    } catch (unprintable) {
      // What a printer cannot take (a value whose description throws) stays in the browser's console.
    }
  };
  for (const [method, stream] of Object.entries(CONSOLE_STREAMS)) {
    const original = target[method];
    if (typeof original !== 'function') continue;
    target[method] = function printed(...args) {
      print(stream, args);
      return original.apply(this, args);
    };
  }
  const assert = target.assert;
  if (typeof assert === 'function') {
    target.assert = function printedAssert(condition, ...args) {
      if (!condition) print('stderr', ['Assertion failed' + (args.length ? ':' : ''), ...args]);
      return assert.call(this, condition, ...args);
    };
  }
  const capture = {
    /** Sets what hears the calls made while no run prints them: outsideTo(stream, text, stack). */
    outsideRuns(outsideTo) {
      outside = outsideTo;
    },
    printingTo(printTo) {
      const entry = (stream, text) => printTo(stream, text);
      printers.push(entry);
      return () => {
        const at = printers.indexOf(entry);
        if (at >= 0) printers.splice(at, 1);
      };
    },
  };
  Object.defineProperty(target, 'jodideCapture', { value: capture });
  return capture;
}
