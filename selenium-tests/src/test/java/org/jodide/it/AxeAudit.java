package org.jodide.it;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An accessibility audit of what a browsing context shows, by axe-core (Deque's engine, the one
 * browsers' and CI's accessibility checkers use; pinned as a dev dependency in
 * {@code static/package.json}): its default rules, WCAG 2 A and AA (colour contrast, names of
 * buttons and fields, landmarks, ARIA) and its best practices, through open shadow roots (outputs,
 * embedded cells), not into frames (each frame is audited in its own context).
 *
 * <pre>
 * AxeAudit.assertPasses(driver, "the notebook page, dark");
 * </pre>
 */
final class AxeAudit {
    /** axe-core's browser build, read once from the static module's node_modules (npm ci installs it). */
    private static final Path ENGINE = Path.of("../static/node_modules/axe-core/axe.min.js");
    private static String engine;

    private AxeAudit() {
    }

    /**
     * Fails, listing every violation, unless the current browsing context of {@code driver} has none;
     * the rules {@code notChecked} name are not run (for content a test writes so on purpose).
     */
    static void assertPasses(WebDriver driver, String what, String... notChecked) {
        List<String> violations = violations(driver, notChecked);
        assertEquals(List.of(), violations, what + " has accessibility violations:\n" + String.join("\n", violations));
    }

    /**
     * The violations in the current browsing context, one line each: the rule, its impact, the
     * elements (CSS selectors, through shadow roots) and what axe-core says is wrong with the first.
     */
    @SuppressWarnings("unchecked")
    static List<String> violations(WebDriver driver, String... notChecked) {
        JavascriptExecutor page = (JavascriptExecutor) driver;
        if (!Boolean.TRUE.equals(page.executeScript("return typeof window.axe === 'object';"))) {
            page.executeScript(engine());
        }
        Object found = page.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "const rules = Object.fromEntries(arguments[0].map((id) => [id, { enabled: false }]));"
                + "window.axe.run(document, { iframes: false, resultTypes: ['violations'], rules })"
                + ".then((result) => done(result.violations.map((rule) => ({ id: rule.id, impact: rule.impact,"
                + "  targets: rule.nodes.map((node) => node.target.join(' >> ')),"
                + "  why: rule.nodes.length ? rule.nodes[0].failureSummary : '' }))))"
                + ".catch((error) => done([{ id: 'axe-failed', impact: 'none', targets: [], why: String(error) }]));",
                List.of(notChecked));
        return ((List<Map<String, Object>>) found).stream()
                .map(rule -> rule.get("id") + " (" + rule.get("impact") + ") at " + rule.get("targets") + ": "
                        + String.valueOf(rule.get("why")).replace('\n', ' '))
                .collect(Collectors.toList());
    }

    private static synchronized String engine() {
        if (engine == null) {
            try {
                engine = Files.readString(ENGINE, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("axe-core is missing: run npm ci in static/ (the build does)", e);
            }
        }
        return engine;
    }
}
