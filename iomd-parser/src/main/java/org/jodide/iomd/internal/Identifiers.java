package org.jodide.iomd.internal;

/** Which names a fetch line may assign. spec: a JavaScript identifier that is not a reserved word. */
final class Identifiers {
    private static final String[] RESERVED = {
        "await", "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do",
        "else", "enum", "export", "extends", "false", "finally", "for", "function", "if", "implements", "import",
        "in", "instanceof", "interface", "let", "new", "null", "package", "private", "protected", "public",
        "return", "static", "super", "switch", "this", "throw", "true", "try", "typeof", "var", "void", "while",
        "with", "yield",
    };

    private Identifiers() {
    }

    static boolean isReserved(String name) {
        for (String word : RESERVED) {
            if (word.equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code name} is a JavaScript IdentifierName: a letter, {@code $} or {@code _}, then also digits and marks. */
    static boolean isIdentifier(String name) {
        if (name.isEmpty()) {
            return false;
        }
        int i = 0;
        while (i < name.length()) {
            int cp = name.codePointAt(i);
            if (i == 0 ? !isStart(cp) : !isPart(cp)) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }

    private static boolean isStart(int cp) {
        if (cp < 0x80) {
            return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || cp == '$' || cp == '_';
        }
        return Character.isLetter(cp) || Character.getType(cp) == Character.LETTER_NUMBER;
    }

    private static boolean isPart(int cp) {
        if (cp < 0x80) {
            return isStart(cp) || (cp >= '0' && cp <= '9');
        }
        if (isStart(cp) || Character.isDigit(cp) || cp == 0x200C || cp == 0x200D) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.CONNECTOR_PUNCTUATION;
    }
}
