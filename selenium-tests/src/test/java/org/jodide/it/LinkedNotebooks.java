package org.jodide.it;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/** The notebook a link carries after {@code #iomd=}: base64url of its deflate-raw compressed UTF-8 (see notebook-link.js). */
final class LinkedNotebooks {
    private static final String MARK = "#iomd=";

    private LinkedNotebooks() {
    }

    /** The notebook {@code link} carries; fails the test when it carries none or the data is damaged. */
    static String carried(String link) {
        int mark = link.indexOf(MARK);
        if (mark < 0) {
            throw new AssertionError("the link carries no notebook (no " + MARK + "): " + link);
        }
        Inflater inflater = new Inflater(true);
        inflater.setInput(Base64.getUrlDecoder().decode(link.substring(mark + MARK.length())));
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        try {
            while (!inflater.finished()) {
                int length = inflater.inflate(buffer);
                if (length == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                text.write(buffer, 0, length);
            }
        } catch (DataFormatException e) {
            throw new AssertionError("the link's notebook data is damaged: " + link, e);
        } finally {
            inflater.end();
        }
        return text.toString(StandardCharsets.UTF_8);
    }
}
