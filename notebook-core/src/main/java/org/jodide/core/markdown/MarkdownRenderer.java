package org.jodide.core.markdown;

import com.vladsch.flexmark.ext.emoji.EmojiExtension;
import com.vladsch.flexmark.ext.emoji.EmojiImageType;
import com.vladsch.flexmark.ext.emoji.EmojiShortcutType;
import com.vladsch.flexmark.ext.footnotes.Footnote;
import com.vladsch.flexmark.ext.footnotes.FootnoteBlock;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.NodeVisitor;
import com.vladsch.flexmark.util.ast.VisitHandler;
import com.vladsch.flexmark.util.data.MutableDataSet;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Renders the markdown of {@code md} chunks to HTML with flexmark: CommonMark with tables,
 * strikethrough, GitHub's task lists ({@code - [x] done} as a disabled, checked checkbox, as
 * Jupyter shows them), bare URLs as links ({@code https://…}, {@code www.…} and e-mail addresses,
 * as GitHub and Jupyter link them), footnotes ({@code [^1]} and its {@code [^1]: …} definition,
 * listed at the end of the chunk with links both ways, as on GitHub) and emoji shortcodes ({@code :arrow_forward:} becomes the Unicode character, as in
 * Iodide; never an image, which would be fetched from a CDN), and TeX math in {@code $...$} and {@code $$...$$} left as
 * {@code <span class="math" data-tex>} elements for KaTeX (see {@link MathExtractor}). The HTML
 * is not sanitized here: whoever inserts it into a page must sanitize it. Reuse one instance:
 * flexmark's parser and renderer are built on the first render (not at construction, which stays
 * cheap for a page's start-up) and kept. Not thread-safe; the browser has one thread.
 */
public final class MarkdownRenderer {
    /** GitHub's task-list checkbox (flexmark's markup), named. */
    private static final String TASK_CHECKBOX_START = "<input type=\"checkbox\" class=\"task-list-item-checkbox\" aria-label=\"Done\" ";
    private static final String TASK_CHECKBOX_END = "disabled=\"disabled\" readonly=\"readonly\" />&nbsp;";

    private Parser parser;
    private HtmlRenderer renderer;

    public String render(String markdown) {
        if (parser == null) {
            MutableDataSet options = new MutableDataSet();
            options.set(Parser.EXTENSIONS, List.of(TablesExtension.create(), StrikethroughExtension.create(),
                    TaskListExtension.create(), EmojiExtension.create(), new BareUrlLinks(), FootnoteExtension.create()));
            options.set(EmojiExtension.USE_SHORTCUT_TYPE, EmojiShortcutType.ANY_GITHUB_PREFERRED);
            options.set(EmojiExtension.USE_IMAGE_TYPE, EmojiImageType.UNICODE_ONLY);
            // A task's checkbox has a name, as a form field must for a screen reader: "Done, checkbox, checked".
            options.set(TaskListExtension.ITEM_DONE_MARKER, TASK_CHECKBOX_START + "checked=\"checked\" " + TASK_CHECKBOX_END);
            options.set(TaskListExtension.ITEM_NOT_DONE_MARKER, TASK_CHECKBOX_START + TASK_CHECKBOX_END);
            parser = Parser.builder(options).build();
            renderer = HtmlRenderer.builder(options).build();
        }
        MathExtractor math = new MathExtractor();
        String withoutMath = math.extract(markdown);
        Document document = parser.parse(withoutMath);
        numberFootnotesByFirstReference(document);
        return math.restore(renderer.render(document));
    }

    /**
     * Footnotes are numbered in the order of their first references, as on GitHub. flexmark 0.64.8
     * numbers them by their <em>last</em> reference (each reference overwrites the block's "first
     * reference offset"), so {@code a[^x] b[^y] c[^x]} numbered x 2 and y 1; the offsets are set
     * again here, in document order, before the renderer numbers them (a walk of the whole document,
     * so only when it defines footnotes).
     */
    private static void numberFootnotesByFirstReference(Document document) {
        if (FootnoteExtension.FOOTNOTES.get(document).isEmpty()) {
            return;
        }
        Set<FootnoteBlock> numbered = Collections.newSetFromMap(new IdentityHashMap<>());
        new NodeVisitor(new VisitHandler<>(Footnote.class, footnote -> {
            FootnoteBlock block = footnote.getFootnoteBlock();
            if (block != null && numbered.add(block)) {
                block.setFirstReferenceOffset(footnote.getStartOffset());
            }
        })).visit(document);
    }
}
