package org.jodide.ui.editor;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;

/**
 * Whether this page has a user's activation, for what the report's frame asks on the user's behalf
 * (a page-wide key pressed there, a link or a download clicked there): notebook code could ask too.
 * A click or key in the frame activates this page a moment after the frame's message may arrive, so
 * the answer waits up to a second for it (page/user-activation.js).
 */
final class UserActivation {
    private UserActivation() {
    }

    /** Hears whether this page has (or got, within a second) a user's activation. */
    @JSFunctor
    interface Answer extends JSObject {
        void known(boolean active);
    }

    @JSBody(params = "answer", script = "window.jodidePageSupport.whenUserActive(answer);")
    static native void whenActive(Answer answer);
}
