// The editor page's markdown renderer, loaded beside the application rather than inside it:
// flexmark, compiled by TeaVM from org.jodide.ui.markdown.MarkdownModule (browser-ui) twice, to
// WebAssembly GC (markdown.wasm, started by TeaVM's loader, markdown-runtime.js) and to JavaScript
// (markdown.js), for browsers without WebAssembly GC. Both render exactly what the renderer renders
// on the JVM (MarkdownEngineIT); the WebAssembly build takes about half the time (docs/architecture.md,
// "Markdown rendering"). `?markdown=js` in the editor's URL chooses the JavaScript build.
//
//   const engine = await loadMarkdownEngine();   // {build: 'wasm-gc' | 'js', render(markdown): html}
//   engine.render('# Title');                    // '<h1>Title</h1>\n'

/** The site's files of each build, relative to this module (page-support.js, at the site's root). */
const siteUrl = (file) => new URL(`./${file}`, import.meta.url).href;

/**
 * Each build by its name: its file (named when it fails) and a function loading it and resolving to
 * its `render`. `auto` tries them in this order. Both builds export TeaVM's `main` beside `render`:
 * called once, as every TeaVM entry point expects, before the first render.
 */
export const MARKDOWN_BUILDS = Object.freeze({
  'wasm-gc': {
    file: 'markdown.wasm',
    load: async () => {
      // A URL computed at run time, which the bundler leaves to the browser (a literal it would bundle).
      const { load } = await import(siteUrl('markdown-runtime.js'));
      const { exports } = await load(siteUrl('markdown.wasm'));
      return started(exports);
    },
  },
  js: {
    file: 'markdown.js',
    load: async () => started(await import(siteUrl('markdown.js'))),
  },
});

function started(module) {
  if (typeof module.render !== 'function') {
    throw new Error('the module exports no render function');
  }
  if (typeof module.main === 'function') {
    module.main([]);
  }
  return (markdown) => module.render(markdown);
}

/** The build `?markdown=` asks for in `search` (a key of `builds`), else 'auto'. */
export function requestedMarkdownBuild(search = globalThis.location ? globalThis.location.search : '', builds = MARKDOWN_BUILDS) {
  const asked = new URLSearchParams(search).get('markdown');
  return asked !== null && Object.hasOwn(builds, asked) ? asked : 'auto';
}

/**
 * Loads the build `choice` names ('auto': the first of `builds` that loads) and resolves to
 * `{build, render}`; rejects with an Error naming why each build tried failed.
 */
export async function loadMarkdownBuild(choice, builds = MARKDOWN_BUILDS) {
  const names = choice === 'auto' ? Object.keys(builds) : [choice];
  const failures = [];
  for (const name of names) {
    try {
      return { build: name, render: await builds[name].load() };
    } catch (failure) {
      failures.push(`${builds[name].file}: ${failure && failure.message ? failure.message : failure}`);
    }
  }
  throw new Error(`The markdown renderer could not load (${failures.join('; ')})`);
}

let loading = null;

/**
 * The page's markdown renderer: loads it on the first call (the build the page's URL asks for) and
 * gives every caller the same promise, so the page can start the download early and the
 * application pick it up when it starts.
 */
export function loadMarkdownEngine() {
  if (loading === null) {
    loading = loadMarkdownBuild(requestedMarkdownBuild());
  }
  return loading;
}
