// Settings carried in the editor's URL, and what the platform is.

/** The settings of the editor's URL that the eval frame also needs, as '&name=value' pairs (URL-encoded). */
export const FORWARDED_SETTINGS = ['packageIndex', 'packageTimeoutMs', 'loadTimeoutMs', 'python'];

export function forwardedSettings(search = location.search) {
  const params = new URLSearchParams(search);
  return FORWARDED_SETTINGS
    .filter((name) => params.get(name) !== null)
    .map((name) => `&${name}=${encodeURIComponent(params.get(name))}`)
    .join('');
}

/** The page's URL with `name` set to `value` (removed when value is null). */
export function withUrlParameter(href, name, value) {
  const url = new URL(href);
  if (value === null) url.searchParams.delete(name);
  else url.searchParams.set(name, value);
  return url.href;
}

/** Sets `name` in the page's URL without a reload or a new history entry. */
export function setUrlParameter(name, value) {
  history.replaceState(history.state, '', withUrlParameter(location.href, name, value));
}

/** Whether the keyboard has Cmd rather than Ctrl (macOS, iOS). */
export function isMacPlatform(nav = navigator) {
  const platform = (nav.userAgentData && nav.userAgentData.platform) || nav.platform || '';
  return /mac|iphone|ipad/i.test(platform);
}
