// Where a served frame loads a file the editor page may have handed it (page/frame-scripts.js, kept by
// evalframe.html as window.jodideHandedScripts): the blob: URL of the handed copy, else the site's URL.
// The Python worker's scripts (worker-scripts.js) and MicroPython's files (micropython-loader.js).
//
//   const urls = handedFileUrls(siteUrl, ['micropython/micropython.wasm'], window.jodideHandedScripts);

const blobUrls = new WeakMap();

/**
 * {path: url} for each of `paths`: a blob: URL of the handed copy (`handed`, {path: Blob} or nothing),
 * made once per Blob and kept for what a restart loads again, else `siteUrl` + path.
 */
export function handedFileUrls(siteUrl, paths, handed, createObjectUrl = (blob) => URL.createObjectURL(blob)) {
  return Object.fromEntries(paths.map((path) => {
    const blob = handed && handed[path];
    if (!(blob instanceof Blob)) {
      return [path, siteUrl + path];
    }
    if (!blobUrls.has(blob)) {
      blobUrls.set(blob, createObjectUrl(blob));
    }
    return [path, blobUrls.get(blob)];
  }));
}
