// The colours of highlighted code (CodeMirror's token classes, which editor/code-blocks.js writes
// into markdown's fenced code blocks): the report's are in report.css, and rich outputs (a
// display(Markdown(...)) in the console, under a chunk or in the report) start with these in their
// shadow roots (rich-output.js). The same rules: token-colours.test.js holds them equal.

export const TOKEN_CSS = `.tok-keyword { color: light-dark(#708, #c792ea); }
.tok-string { color: light-dark(#a11, #a5d68a); }
.tok-string2 { color: light-dark(#b33c00, #a5d68a); }
.tok-number, .tok-bool, .tok-atom, .tok-literal { color: light-dark(#164, #f2a66a); }
.tok-comment { color: light-dark(#940, #8f95a5); font-style: italic; }
.tok-variableName.tok-definition, .tok-propertyName.tok-definition { color: light-dark(#00f, #82aaff); }
.tok-variableName2, .tok-local { color: light-dark(#30a, #d7d7dc); }
.tok-typeName, .tok-className, .tok-namespace { color: light-dark(#00704a, #ffcb6b); }
.tok-propertyName { color: light-dark(#1d1d1f, #7fdbca); }
.tok-operator { color: light-dark(#1d1d1f, #89ddff); }
.tok-meta { color: light-dark(#555, #9dbbff); }
.tok-invalid { color: light-dark(#c00, #ff6b60); }
.tok-heading { font-weight: bold; }
.tok-emphasis { font-style: italic; }
.tok-strong { font-weight: bold; }
.tok-link { text-decoration: underline; }`;
