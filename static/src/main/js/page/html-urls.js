// Relative URLs in a notebook's rendered markdown, resolved against the notebook's own address: a
// notebook opened from elsewhere (?notebook=https://…/docs/intro.ipynb) shows `images/plot.png` and
// `<img src="images/plot.png">` from beside itself, as on the site that holds it, not from Jodide's
// site. The HTML is parsed inert (a <template>: nothing loads, nothing runs) and only URL attributes
// change; the report's frame sanitizes it afterwards as any markdown.

/** Attributes that hold one URL. */
const URL_ATTRIBUTES = ['src', 'href', 'poster'];
const MAY_HOLD_URLS = /\s(?:src|href|poster|srcset)\s*=/i;

/**
 * `html` with its relative URLs (images, links, media sources, srcset candidates) made absolute
 * against `baseUrl`; links to a place in the report itself (`#section`) and absolute URLs stay.
 */
export function resolveRelativeUrls(html, baseUrl, doc = document) {
  const text = String(html ?? '');
  if (!baseUrl || !MAY_HOLD_URLS.test(text)) return text;
  const template = doc.createElement('template');
  template.innerHTML = text;
  let changed = false;
  for (const element of template.content.querySelectorAll('[src], [href], [poster], [srcset]')) {
    for (const name of URL_ATTRIBUTES) {
      const value = element.getAttribute(name);
      const resolved = value === null ? null : resolved1(value, baseUrl);
      if (resolved !== null && resolved !== value) {
        element.setAttribute(name, resolved);
        changed = true;
      }
    }
    const srcset = element.getAttribute('srcset');
    if (srcset !== null) {
      const resolved = srcset.split(',').map((candidate) => {
        const [url, ...descriptor] = candidate.trim().split(/\s+/);
        return [resolved1(url, baseUrl) ?? url, ...descriptor].join(' ');
      }).join(', ');
      if (resolved !== srcset) {
        element.setAttribute('srcset', resolved);
        changed = true;
      }
    }
  }
  return changed ? template.innerHTML : text;
}

/** The URL made absolute, or null to leave it: absolute already, a place in the page, or not a URL. */
function resolved1(value, baseUrl) {
  const url = value.trim();
  if (url === '' || url.startsWith('#') || /^[a-z][a-z0-9+.-]*:/i.test(url)) return null;
  try {
    return new URL(url, baseUrl).href;
  } catch {
    return null;
  }
}
