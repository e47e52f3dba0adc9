package org.jodide.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Shift+Tab shows help on the name at the cursor (or the call it is in) from the live kernel, as
 * Jupyter's does: Python's signature and docstring in both places Python runs ({@link PythonMode}:
 * the worker and the frame's main thread answer through different code), JavaScript's from the
 * frame's globals.
 */
@ParameterizedClass
@EnumSource(PythonMode.class)
class ContextHelpIT {
    @RegisterExtension
    static final SiteExtension SITE = new SiteExtension();

    private static NotebookPage page;

    @Parameter
    PythonMode mode;

    @BeforeParameterizedClassInvocation
    static void openNotebook(PythonMode mode) {
        page = mode.open(SITE);
        page.replaceText("%% py\ndef area(radius, digits=2):\n    \"\"\"Area of a circle.\n\n    Rounded to digits.\"\"\"\n"
                + "    return round(3.14159 * radius * radius, digits)\n"
                + "%% js\nfunction greet(name, punctuation = '!') { return name + punctuation; }\n");
        page.click("run-all");
        page.awaitEntry(1);
    }

    /** The help shown after Shift+Tab with the cursor at the end of {@code chunk}. */
    private static String helpAtTheEndOf(String chunk) {
        page.replaceText(chunk);
        page.putCursorAt(chunk.length());
        page.editor().sendKeys(Keys.chord(Keys.SHIFT, Keys.TAB));
        return new WebDriverWait(SITE.browser().driver(), Duration.ofSeconds(10)).until(d -> (String) page.script(
                "const help = document.querySelector('.cm-tooltip.cm-context-help'); return help ? help.textContent : null;"));
    }

    private static boolean helpShown() {
        return (Boolean) page.script("return document.querySelector('.cm-context-help') !== null;");
    }

    @Test
    void pythonShowsTheSignatureAndDocstringOfTheCallTheCursorIsIn() {
        String help = helpAtTheEndOf("%% py\nprint(area(3, ");
        assertEquals("Signature: area(radius, digits=2)\nType:      function\nDocstring:\nArea of a circle.\n\nRounded to digits.", help);
        page.editor().sendKeys(Keys.ESCAPE);
        new WebDriverWait(SITE.browser().driver(), Duration.ofSeconds(5)).until(d -> !helpShown());
    }

    @Test
    void pythonShowsTheTypeAndValueOfData() {
        String help = helpAtTheEndOf("%% py\nimport math\nmath.pi");
        assertTrue(help.isEmpty() || help.contains("No help"), "math is not imported until the chunk runs: " + help);
        page.click("run-all");
        page.awaitEntry(0);
        assertEquals("Type:      float\nValue:     3.141592653589793", helpAtTheEndOf("%% py\nimport math\nmath.pi"));
    }

    @Test
    void aQuestionMarkAfterANamePrintsTheSameHelpAndTwoAddTheSource() {
        NotebookPage.ConsoleEntry asked = page.runChunkWith("%% py\narea?\n", "area?");
        assertEquals("done", asked.state(), asked.error());
        assertTrue(asked.output().startsWith("Signature: area(radius, digits=2)\nType:      function\nDocstring:\nArea of a circle."),
                asked.output());
        String notebook = "%% py\n\n\n\n\n\n\n\ndef volume(side):\n    return side ** 3\n%% py\nvolume??\n";
        assertEquals("done", page.runChunkWith(notebook, "def volume").state());
        NotebookPage.ConsoleEntry source = page.runChunkWith(notebook, "volume??");
        assertEquals("Signature: volume(side)\nType:      function\nSource:\ndef volume(side):\n    return side ** 3\n", source.output());
    }

    @Test
    void javascriptShowsTheParametersOfFunctions() {
        assertEquals("Signature: greet(name, punctuation = '!')\nType:      function", helpAtTheEndOf("%% js\ngreet('you', "));
        assertTrue(helpAtTheEndOf("%% js\nMath.max(").startsWith("Signature: Math.max(…)"));
    }

    @Test
    void anUnknownNameSaysThereIsNoHelpAndTypingClosesIt() {
        String help = helpAtTheEndOf("%% py\nnot_defined_anywhere");
        assertTrue(help.startsWith("No help for the name at the cursor"), help);
        page.editor().sendKeys("x");
        new WebDriverWait(SITE.browser().driver(), Duration.ofSeconds(5)).until(d -> !helpShown());
    }

    @Test
    void whileCodeRunsHelpSaysItWillComeOnceItStops() {
        String notebook = "%% py\nimport time\ntime.sleep(4)\n%% py skipRunAll\nlen(";
        page.replaceText(notebook);
        int before = page.consoleEntries().size();
        page.click("run-all");
        page.awaitKernelState("busy", NotebookPage.PYTHON);
        page.putCursorAt(notebook.length());
        page.editor().sendKeys(Keys.chord(Keys.SHIFT, Keys.TAB));
        String help = new WebDriverWait(SITE.browser().driver(), Duration.ofSeconds(10)).until(d -> (String) page.script(
                "const help = document.querySelector('.cm-tooltip.cm-context-help'); return help ? help.textContent : null;"));
        assertTrue(help.startsWith("Code is running: help on names comes once it stops"), help);
        assertEquals("done", page.awaitEntry(before).state());
    }

    @Test
    void shiftTabAtTheStartOfAnIndentedLineStillIndentsLess() {
        String chunk = "%% py\nif True:\n    ";
        page.replaceText(chunk);
        page.putCursorAt(chunk.length());
        page.editor().sendKeys(Keys.chord(Keys.SHIFT, Keys.TAB));
        new WebDriverWait(SITE.browser().driver(), Duration.ofSeconds(5)).until(d -> page.editorText().length() < chunk.length());
        assertTrue(!helpShown());
    }
}
