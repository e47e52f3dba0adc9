package org.jodide.bench;

/** The texts the benchmarks work on. Deterministic: the same text on every run and on every side. */
final class BenchDocuments {
    private BenchDocuments() {
    }

    /**
     * A notebook of {@code count} chunks of every common kind (md, py, js, fetch, a bare {@code %%},
     * a flagged py chunk with an escaped line), about 36 UTF-16 code units a chunk: 40,000 chunks
     * are 1.4 MB. The same text as iomd-parser's JMH {@code ParseBenchmark.document}, so the
     * numbers compare.
     */
    static String notebook(int count) {
        StringBuilder out = new StringBuilder(count * 40);
        for (int i = 0; i < count; i++) {
            switch (i % 6) {
                case 0: out.append("%% md\n## Part ").append(i).append(": notes on the data\n"); break;
                case 1: out.append("%% py\nx").append(i).append(" = sum(range(9)) * 2 + 1\n"); break;
                case 2: out.append("%% js\nlet v").append(i).append(" = [1, 2, 3].map(f);\n"); break;
                case 3: out.append("%% fetch\ntext: t").append(i).append(" = data/d.csv\n"); break;
                case 4: out.append("%%\nprint(").append(i).append(", 'more output')\n"); break;
                default: out.append("%% py skipRunAll\n\\%%timeit\nf(").append(i).append(")\n"); break;
            }
        }
        return out.toString();
    }

    /**
     * Markdown of {@code sections} sections (about 900 UTF-16 code units each) as people write in
     * notebooks and READMEs: headings, paragraphs with emphasis, strong text, inline code, links,
     * autolinks and strikethrough, bullet lists (nested), ordered lists, a table with alignments,
     * a fenced code block and a block quote. No math and no raw HTML, so that markdown-it and
     * Jodide's renderer do the same work.
     */
    static String markdown(int sections) {
        StringBuilder out = new StringBuilder(sections * 950);
        out.append("# Analysis notebook\n\nA report written in *markdown*, rendered **live**.\n\n");
        for (int i = 1; i <= sections; i++) {
            out.append("## Section ").append(i).append(": results of run ").append(i).append("\n\n");
            out.append("This paragraph has *emphasis*, **strong text**, `inline code`, a [link](https://example.org/runs/")
                    .append(i).append(") and ~~struck~~ words.\nIt wraps onto a second line with numbers like ")
                    .append(i * 7).append(" and an autolink <https://example.com/data/").append(i).append(">.\n\n");
            out.append("- first item with **bold** text\n- second item with a [reference link][ref").append(i)
                    .append("]\n  - nested item `x = ").append(i).append("`\n  - another _nested_ item\n- third item\n\n");
            out.append("1. load the data\n2. clean it: drop rows where `value < 0`\n3. plot the *trend*\n\n");
            out.append("| name | value | note |\n| --- | ---: | :---: |\n| alpha | ").append(i)
                    .append(" | *ok* |\n| beta | ").append(i * 2).append(" | `code` |\n| gamma | ").append(i * 3)
                    .append(" | **high** |\n\n");
            out.append("```python\ndef f").append(i).append("(x):\n    return x * ").append(i).append(" + 1\n```\n\n");
            out.append("> A quote with _emphasis_ and a line\n> that continues, ending the section.\n\n");
            out.append("[ref").append(i).append("]: https://example.org/refs/").append(i).append(" \"Reference ")
                    .append(i).append("\"\n\n");
        }
        return out.toString();
    }
}
