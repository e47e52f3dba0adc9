// Terminal escape codes out of kernel text: IPython colours its tracebacks with ANSI SGR codes
// ("\x1b[0;31m"), which a browser would show as garbage.

/**
 * Control sequences (CSI: ESC [ or the 8-bit 0x9b, parameters, intermediates, a final byte; this is
 * where SGR colours are), operating-system commands (OSC: ESC ] … BEL or ESC \, such as hyperlinks),
 * character-set and other escapes of ESC plus one or more bytes.
 */
const ESCAPE_SEQUENCES = /(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[ -/]*[0-~]/g;

/** `text` without its ANSI escape sequences. */
export function stripAnsi(text) {
  return String(text ?? '').replace(ESCAPE_SEQUENCES, '');
}
