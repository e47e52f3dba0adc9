// The light or dark look of a page's cells and notebooks. The theme is the page's choice:
// `data-jodide-theme` on the script tag ("auto", the default: as the reader's system is set; "light";
// "dark"), or, for a page with a theme switch of its own, `jodideEmbed.setTheme(theme)` when it
// switches. Each cell's and notebook's host element carries the look as `data-look` (cell.css and
// notebook.css colour by it), and a cell's CodeMirror editor takes the same theme (themes.js).
//
//   const looks = embedLooks(script.dataset.jodideTheme);   // 'auto' when absent
//   looks.follow((look, theme) => { host.dataset.look = look; editor?.setTheme(theme); });
//   looks.setTheme('dark');                                  // every follower hears 'dark'
//   looks.look()                                             // 'light' or 'dark'

/** The themes a page may choose, as the notebook's editor names them. */
export const EMBED_THEMES = Object.freeze(['auto', 'light', 'dark']);

/**
 * The page's looks, starting from `initialTheme` (a value of EMBED_THEMES; anything else, which the
 * console warns about, is 'auto'). `systemDark` is the media query of the system's dark setting.
 */
export function embedLooks(initialTheme, systemDark = darkQuery()) {
  let theme = 'auto';
  if (initialTheme) {
    if (EMBED_THEMES.includes(initialTheme)) theme = initialTheme;
    else console.warn(`Jodide: data-jodide-theme="${initialTheme}" is not a theme (${EMBED_THEMES.join(', ')}); following the system`);
  }
  const followers = [];
  const look = () => (theme === 'auto' ? (systemDark && systemDark.matches ? 'dark' : 'light') : theme);
  const tell = (follower) => follower(look(), theme);
  if (systemDark) {
    systemDark.addEventListener('change', () => {
      if (theme === 'auto') followers.forEach(tell);
    });
  }
  return {
    look,
    get theme() {
      return theme;
    },
    /** Calls `follower(look, theme)` now and at every change. */
    follow(follower) {
      followers.push(follower);
      tell(follower);
    },
    setTheme(next) {
      if (!EMBED_THEMES.includes(next)) {
        throw new RangeError(`jodideEmbed.setTheme: unknown theme ${JSON.stringify(next)} (use ${EMBED_THEMES.join(', ')})`);
      }
      theme = next;
      followers.forEach(tell);
    },
  };
}

function darkQuery() {
  return typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;
}
