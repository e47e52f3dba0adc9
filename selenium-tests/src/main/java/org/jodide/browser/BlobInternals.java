package org.jodide.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.WebDriver;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Blobs the browser process holds, as {@code chrome://blob-internals} lists them. A Blob's bytes
 * are items: {@code data} (in the browser's memory), {@code file} (the same, paged out to the
 * profile's blob_storage folder) or {@code readable data handle} (read from elsewhere on demand, such
 * as a Cache Storage entry of the service worker, which the disk cache backs).
 */
public final class BlobInternals {
    /** One Blob: its content type, the bytes the browser keeps for it, and those read from elsewhere. */
    public record HeldBlob(String uuid, String contentType, long keptBytes, long handleBytes) {
        @Override
        public String toString() {
            return contentType + ": " + keptBytes + " bytes kept, " + handleBytes + " behind handles";
        }
    }

    private static final Pattern UUID_LINE = Pattern.compile("(?m)^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
    private static final Pattern CONTENT_TYPE = Pattern.compile("Content Type: (.*)");
    private static final Pattern ITEM = Pattern.compile("Type: ([a-z ]+)\\n(?:[^\\n]*\\n){0,6}?Length: ([\\d,]+)");

    private BlobInternals() {
    }

    /** Opens chrome://blob-internals in a tab of its own, reads it and closes it; the driver is back on its window. */
    public static List<HeldBlob> read(WebDriver driver) {
        String window = driver.getWindowHandle();
        try {
            driver.switchTo().newWindow(WindowType.TAB);
            driver.get("chrome://blob-internals");
            return parse(driver.findElement(By.tagName("body")).getText());
        } finally {
            if (!driver.getWindowHandle().equals(window)) {
                driver.close();
            }
            driver.switchTo().window(window);
        }
    }

    /** The page's text, blob by blob (each begins with its UUID on a line of its own). */
    static List<HeldBlob> parse(String text) {
        List<HeldBlob> blobs = new ArrayList<>();
        Matcher start = UUID_LINE.matcher(text);
        List<Integer> starts = new ArrayList<>();
        while (start.find()) {
            starts.add(start.start());
        }
        for (int i = 0; i < starts.size(); i++) {
            String block = text.substring(starts.get(i), i + 1 < starts.size() ? starts.get(i + 1) : text.length());
            Matcher type = CONTENT_TYPE.matcher(block);
            long kept = 0;
            long handles = 0;
            Matcher item = ITEM.matcher(block);
            while (item.find()) {
                long length = Long.parseLong(item.group(2).replace(",", ""));
                String kind = item.group(1).strip();
                if (kind.equals("data") || kind.equals("file")) {
                    kept += length;
                } else if (kind.startsWith("readable")) {
                    handles += length;
                }
            }
            blobs.add(new HeldBlob(block.substring(0, 36), type.find() ? type.group(1).strip() : "", kept, handles));
        }
        return blobs;
    }

    /** The bytes the browser keeps for all of {@code blobs} (memory, or paged to its own folder). */
    public static long keptBytes(List<HeldBlob> blobs) {
        return blobs.stream().mapToLong(HeldBlob::keptBytes).sum();
    }
}
