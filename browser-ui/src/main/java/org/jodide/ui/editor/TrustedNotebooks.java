package org.jodide.ui.editor;

import org.jodide.ui.dom.BrowserStorage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Notebooks from elsewhere that the user has run in this browser. spec (see {@link
 * org.jodide.core.Trust}): running is the user's consent, so a notebook opened again from the same
 * place (a URL, a link, a file name) with the very same text is trusted at once; any other text
 * from that place is not. Kept in localStorage: the exact text per place (compared in full, not by
 * a hash an author could collide), for the {@value #KEPT} places run last.
 *
 * <pre>{@code
 * TrustedNotebooks.remember("https://x.org/a.iomd", text);  // the user ran it
 * TrustedNotebooks.trusts("https://x.org/a.iomd", text);    // true; false for another text
 * }</pre>
 */
final class TrustedNotebooks {
    static final int KEPT = 50;
    private static final String TEXT = "jodide.trusted:";
    private static final String PLACES = "jodide.trusted-places";

    private TrustedNotebooks() {
    }

    /** Whether the user has run {@code text}, opened from {@code place}, in this browser. */
    static boolean trusts(String place, String text) {
        return place != null && text != null && text.equals(BrowserStorage.read(TEXT + place));
    }

    /**
     * Remembers that the user ran {@code text} opened from {@code place}. Best effort: when storage
     * is full or unavailable, the notebook is simply untrusted next time.
     */
    static void remember(String place, String text) {
        if (place == null || text == null || BrowserStorage.write(TEXT + place, text) != null) {
            return;
        }
        List<String> places = places();
        places.remove(place);
        places.add(place);
        while (places.size() > KEPT) {
            BrowserStorage.remove(TEXT + places.remove(0));
        }
        BrowserStorage.write(PLACES, String.join("\n", places));
    }

    /** The places remembered, the one run longest ago first (places are URLs and names: no line breaks). */
    private static List<String> places() {
        String stored = BrowserStorage.read(PLACES);
        List<String> places = new ArrayList<>();
        if (stored != null && !stored.isEmpty()) {
            places.addAll(Arrays.asList(stored.split("\n")));
        }
        return places;
    }
}
