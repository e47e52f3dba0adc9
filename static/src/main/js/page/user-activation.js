// Whether the editor page has a user's activation, for what the report's frame asks on the user's
// behalf (a link or a download clicked there, a page-wide key pressed there): notebook code could ask
// too, so the editor acts only while its page is activated. A click or key press in the frame
// activates this page as well, but the browser tells each page's process on its own: the frame's
// message may arrive a moment before this page knows (seen in ReportLinksIT: "without a click" for a
// real click, one run in three). So the answer waits a moment for it.
//
//   whenUserActive((active) => active ? openIt() : sayWhyNot());

/**
 * Calls `act(true)` once this page has a user's activation, else `act(false)` after `patience` ms;
 * `act(true)` at once in a browser without the API.
 */
export function whenUserActive(act, patience = 1000, activation = globalThis.navigator?.userActivation, now = () => performance.now()) {
  if (!activation || activation.isActive) {
    act(true);
    return;
  }
  const started = now();
  const poll = () => {
    if (activation.isActive) act(true);
    else if (now() - started >= patience) act(false);
    else setTimeout(poll, 16);
  };
  setTimeout(poll, 16);
}
