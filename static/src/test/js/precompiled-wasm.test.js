// Pyodide's WebAssembly compiled ahead from the handed Blob (src/main/js/pyodide/precompiled-wasm.js),
// with a real (empty) WebAssembly module and a recording stand-in for the WebAssembly namespace.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { precompileHandedWasm, usingPrecompiledWasm, WASM_PATH } from '../../main/js/pyodide/precompiled-wasm.js';

/** The smallest valid WebAssembly module: magic number and version. */
const EMPTY_MODULE = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);

/** WebAssembly's functions, recording each call. */
function recordingWasm() {
  const calls = { compileStreaming: 0, instantiate: 0, instantiateStreaming: 0 };
  return {
    calls,
    compileStreaming(...args) { calls.compileStreaming++; return WebAssembly.compileStreaming(...args); },
    instantiate(...args) { calls.instantiate++; return WebAssembly.instantiate(...args); },
    instantiateStreaming(...args) { calls.instantiateStreaming++; return WebAssembly.instantiateStreaming(...args); },
  };
}

/** What Pyodide does with the namespace while it loads: instantiates its binary from the response it fetched. */
function fakeLoadPyodide(wasm, source) {
  return async (config) => {
    const { module, instance } = await wasm.instantiateStreaming(source, {});
    return { config, module, instance };
  };
}

function wasmResponse(bytes) {
  return new Response(new Blob([bytes]), { headers: { 'Content-Type': 'application/wasm' } });
}

let site = 0;
/** A site URL of its own per test: compilations are kept by the binary's URL for the worker's life. */
function freshSite() {
  site++;
  return `http://site${site}.test/`;
}

test('the handed binary is compiled once, at once, and Pyodide instantiates that module, without reading its own response', async () => {
  const wasm = recordingWasm();
  const siteUrl = freshSite();
  precompileHandedWasm(siteUrl, Promise.resolve({ [WASM_PATH]: new Blob([EMPTY_MODULE]) }), wasm);
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(wasm.calls.compileStreaming, 1, 'compiling began before Pyodide asked');

  const source = wasmResponse(EMPTY_MODULE);
  const load = usingPrecompiledWasm(fakeLoadPyodide(wasm, source), wasm);
  const first = await load({ indexURL: `${siteUrl}pyodide/` });
  assert.ok(first.module instanceof WebAssembly.Module);
  assert.ok(first.instance instanceof WebAssembly.Instance);
  // Pyodide's own response (the same bytes) is not read but let go (cancelled): Pyodide keeps it
  // while Python lives, and an unread body would keep its Blob.
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(source.bodyUsed, true, "Pyodide's own response is let go");
  await assert.rejects(source.arrayBuffer(), TypeError, 'and never read');

  // A second load (without the snapshot, a Retry) instantiates the same module again.
  const second = await usingPrecompiledWasm(fakeLoadPyodide(wasm, wasmResponse(EMPTY_MODULE)), wasm)({ indexURL: `${siteUrl}pyodide/` });
  assert.equal(second.module, first.module);
  assert.equal(wasm.calls.compileStreaming, 1);
  assert.equal(wasm.calls.instantiate, 2);
  assert.equal(wasm.calls.instantiateStreaming, 0);
});

test('without a handed binary (no files, or not that one) Pyodide compiles the response it fetched', async () => {
  for (const handed of [null, {}, { 'pyodide/python_stdlib.zip': new Blob([new Uint8Array(4)]) }]) {
    const wasm = recordingWasm();
    const siteUrl = freshSite();
    precompileHandedWasm(siteUrl, Promise.resolve(handed), wasm);
    const source = wasmResponse(EMPTY_MODULE);
    const loaded = await usingPrecompiledWasm(fakeLoadPyodide(wasm, source), wasm)({ indexURL: `${siteUrl}pyodide/` });
    assert.ok(loaded.instance instanceof WebAssembly.Instance);
    assert.equal(wasm.calls.compileStreaming, 0);
    assert.equal(source.bodyUsed, true, 'compiled from its own response');
  }
});

test('a handed binary that does not compile is left to Pyodide, whose own compile reports why', async () => {
  const wasm = recordingWasm();
  const siteUrl = freshSite();
  const damaged = EMPTY_MODULE.slice(0, 5);
  precompileHandedWasm(siteUrl, Promise.resolve({ [WASM_PATH]: new Blob([damaged]) }), wasm);
  const load = usingPrecompiledWasm(fakeLoadPyodide(wasm, wasmResponse(damaged)), wasm);
  await assert.rejects(load({ indexURL: `${siteUrl}pyodide/` }), WebAssembly.CompileError);
  assert.equal(wasm.calls.compileStreaming, 1);
  assert.equal(wasm.calls.instantiateStreaming, 1, "Pyodide's response was compiled, and its error is the load's");
});

test('instantiateStreaming is itself again once the load ends, however it ends, and untouched for another binary', async () => {
  const wasm = recordingWasm();
  const original = wasm.instantiateStreaming;
  const siteUrl = freshSite();
  precompileHandedWasm(siteUrl, Promise.resolve({ [WASM_PATH]: new Blob([EMPTY_MODULE]) }), wasm);
  await usingPrecompiledWasm(fakeLoadPyodide(wasm, wasmResponse(EMPTY_MODULE)), wasm)({ indexURL: `${siteUrl}pyodide/` });
  assert.equal(wasm.instantiateStreaming, original);

  const failing = usingPrecompiledWasm(async () => { throw new Error('the kernel could not start'); }, wasm);
  await assert.rejects(failing({ indexURL: `${siteUrl}pyodide/` }), /could not start/);
  assert.equal(wasm.instantiateStreaming, original);

  let seen = null;
  await usingPrecompiledWasm(async () => { seen = wasm.instantiateStreaming; }, wasm)({ indexURL: 'http://elsewhere.test/pyodide/' });
  assert.equal(seen, original, 'another site\'s binary is compiled by Pyodide as always');
});
