package org.jodide.core.markdown;

import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.autolink.internal.AutolinkNodePostProcessor;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.NodePostProcessor;
import com.vladsch.flexmark.parser.block.NodePostProcessorFactory;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.NodeTracker;
import com.vladsch.flexmark.util.data.MutableDataHolder;

/**
 * Links bare URLs ({@code https://…}, {@code www.…}) and e-mail addresses, as flexmark's
 * {@link AutolinkExtension} does (its processor does the linking), but hands it only the text that
 * could hold one: text with a {@code ://}, an {@code @} or a {@code www}. For each text node that
 * processor unescapes the text and runs a regular expression over it, which took a fifth to a third
 * of the time of a whole render in the browser (TeaVM's regular expressions), though most text holds
 * no link at all.
 */
final class BareUrlLinks implements Parser.ParserExtension {
    @Override
    public void parserOptions(MutableDataHolder options) {
    }

    @Override
    public void extend(Parser.Builder parser) {
        parser.postProcessorFactory(new Factory());
    }

    /** Whether {@code text} may hold a URL, a www. address or an e-mail address. */
    static boolean mayHoldLink(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '@' || c == ':' && i + 2 < text.length() && text.charAt(i + 1) == '/' && text.charAt(i + 2) == '/') {
                return true;
            }
            if ((c == 'w' || c == 'W') && i + 3 < text.length()
                    && Character.toLowerCase(text.charAt(i + 1)) == 'w' && Character.toLowerCase(text.charAt(i + 2)) == 'w') {
                return true;
            }
        }
        return false;
    }

    private static final class Factory extends NodePostProcessorFactory {
        Factory() {
            super(false);
            addNodes(Text.class);
        }

        @Override
        public NodePostProcessor apply(Document document) {
            return new OnlyWhereLinksMayBe(new AutolinkNodePostProcessor(document));
        }
    }

    private static final class OnlyWhereLinksMayBe extends NodePostProcessor {
        private final AutolinkNodePostProcessor linker;

        OnlyWhereLinksMayBe(AutolinkNodePostProcessor linker) {
            this.linker = linker;
        }

        @Override
        public void process(NodeTracker state, Node node) {
            if (mayHoldLink(node.getChars())) {
                linker.process(state, node);
            }
        }
    }
}
