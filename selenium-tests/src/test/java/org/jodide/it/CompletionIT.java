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
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The editor completes names from the live kernel: Python with rlcompleter (on the frame's main
 * thread and in its worker, {@link PythonMode}), JavaScript from the frame's globals.
 */
@ParameterizedClass
@EnumSource(value = PythonMode.class, names = PythonMode.DEFAULT_ONLY)
class CompletionIT {
    @RegisterExtension
    static final SiteExtension SITE = new SiteExtension();

    private static NotebookPage page;

    @Parameter
    PythonMode mode;

    @BeforeParameterizedClassInvocation
    static void openNotebook(PythonMode mode) {
        page = mode.open(SITE);
        page.replaceText("%% py\nimport os\nmy_variable = 1\n%% js\nvar myGlobal = 2;\n");
        page.click("run-all");
        page.awaitEntry(1);
    }

    @SuppressWarnings("unchecked")
    private static List<String> offeredAfterTyping(String chunk, String typed) {
        page.replaceText(chunk);
        page.putCursorAt(chunk.length());
        page.editor().sendKeys(typed);
        page.editor().sendKeys(Keys.chord(Keys.CONTROL, Keys.SPACE));
        return new WebDriverWait(SITE.browser().driver(), Duration.ofSeconds(10)).until(d -> {
            List<String> labels = (List<String>) page.script(
                    "return [...document.querySelectorAll('.cm-tooltip-autocomplete .cm-completionLabel')].map(e => e.textContent);");
            return labels.isEmpty() ? null : labels;
        });
    }

    @Test
    void pythonNamesComeFromTheKernelsNamespace() {
        List<String> offered = offeredAfterTyping("%% py\n", "my_va");
        assertTrue(offered.contains("my_variable"), offered.toString());
    }

    @Test
    void pythonAttributesComplete() {
        List<String> offered = offeredAfterTyping("%% py\n", "os.pa");
        assertTrue(offered.contains("os.path"), offered.toString());
    }

    @Test
    void javascriptNamesComeFromTheFramesGlobals() {
        List<String> offered = offeredAfterTyping("%% js\n", "myGl");
        assertTrue(offered.contains("myGlobal"), offered.toString());
        List<String> members = offeredAfterTyping("%% js\n", "document.bo");
        assertTrue(members.contains("document.body"), members.toString());
    }
}
