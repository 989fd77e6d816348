package io.trafficcop.proxy.rule;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Parses a rule the way Traefik does: {@code vulcand/predicate} hands the rule to Go's
 * {@code go/parser.ParseExpr}, so a rule is a Go expression. Strings are Go string literals (backticks:
 * raw; double quotes: with Go escapes), {@code &&} binds tighter than {@code ||}, {@code !} negates, and
 * matcher names are accepted as declared, lower case, upper case or Title case ({@code PathPrefix},
 * {@code pathprefix}, {@code PATHPREFIX}, {@code Pathprefix}). Errors carry Go's "line:column: message" for
 * syntax errors and predicate's messages for the rest ("unsupported function: X", "X is not defined", ...).
 */
final class RuleExpressionParser {

    private final Map<String, String> functions;

    /** @param matcherNames the canonical matcher names of one syntax */
    RuleExpressionParser(Set<String> matcherNames) {
        Map<String, String> f = new HashMap<>();
        for (String name : matcherNames) {
            String lower = name.toLowerCase(Locale.ROOT);
            f.put(name, name);
            f.put(lower, name);
            f.put(name.toUpperCase(Locale.ROOT), name);
            f.put(Character.toUpperCase(lower.charAt(0)) + lower.substring(1), name);
        }
        this.functions = Map.copyOf(f);
    }

    /** Thrown with the message Traefik's parser reports (without the "parsing rule" prefix). */
    static final class ParseError extends Exception {
        private static final long serialVersionUID = 1L;

        ParseError(String message) {
            super(message, null, false, false);
        }
    }

    RuleTree parse(String rule) throws ParseError {
        Node node = new Syntax(rule).parseExprTop();
        Object value = evaluate(node);
        if (!(value instanceof RuleTree tree)) {
            throw new ParseError("obtaining build tree");
        }
        return tree;
    }

    // ---- predicate's evaluation of the Go AST ----

    private Object evaluate(Node node) throws ParseError {
        switch (node) {
            case Binary b -> {
                Object x = evaluate(b.x);
                Object y = evaluate(b.y);
                if (!b.op.equals("&&") && !b.op.equals("||")) {
                    throw new ParseError(b.op + " is not supported");
                }
                RuleTree left = asTree(x);
                RuleTree right = asTree(y);
                return b.op.equals("&&") ? new RuleTree.And(left, right) : new RuleTree.Or(left, right);
            }
            case Paren p -> {
                return evaluate(p.x);
            }
            case Unary u -> {
                if (!u.op.equals("!")) {
                    throw new ParseError(u.op + " is not supported");
                }
                return RuleTree.invert(asTree(evaluate(u.x)));
            }
            default -> {
                return evaluateExpr(node);
            }
        }
    }

    private static RuleTree asTree(Object value) throws ParseError {
        if (value instanceof RuleTree tree) {
            return tree;
        }
        throw new ParseError("reflect: Call using " + goType(value) + " as type rules.TreeBuilder");
    }

    private static String goType(Object value) {
        return switch (value) {
            case String s -> "string";
            case Long l -> "int";
            case Double d -> "float64";
            case RuleTree t -> "rules.TreeBuilder";
            default -> "interface {}";
        };
    }

    private Object evaluateExpr(Node node) throws ParseError {
        switch (node) {
            case Literal l -> {
                return switch (l.kind) {
                    case STRING -> l.value;
                    case INT -> {
                        try {
                            yield Long.parseLong(l.text);
                        } catch (NumberFormatException e) {
                            throw new ParseError("failed to parse argument: " + l.text + ", error: strconv.Atoi: parsing "
                                    + GoStrings.quote(l.text) + ": invalid syntax");
                        }
                    }
                    case FLOAT -> Double.parseDouble(l.text.replace("_", ""));
                    default -> throw new ParseError("unsupported function argument type: '" + l.kind.goName + "'");
                };
            }
            case Index i -> throw new ParseError("properties are not supported");
            case Selector s -> throw new ParseError(s.dotted() + " is not defined");
            case Ident i -> throw new ParseError(i.name + " is not defined");
            case Call c -> {
                String name;
                if (c.fun instanceof Ident id) {
                    name = id.name;
                } else if (c.fun instanceof Selector sel && sel.x instanceof Ident x) {
                    name = x.name + "." + sel.name;
                } else if (c.fun instanceof Selector sel) {
                    throw new ParseError("expected selector identifier, got: " + sel.x.goType());
                } else {
                    throw new ParseError("expected identifier, got: " + c.fun.goType());
                }
                String matcher = functions.get(name);
                if (matcher == null) {
                    throw new ParseError("unsupported function: " + name);
                }
                List<String> values = new ArrayList<>(c.args.size());
                List<Object> evaluated = new ArrayList<>(c.args.size());
                for (Node arg : c.args) {
                    evaluated.add(evaluateExpr(arg));
                }
                for (Object v : evaluated) {
                    if (!(v instanceof String s)) {
                        throw new ParseError("reflect: Call using " + goType(v) + " as type string");
                    }
                    values.add(s);
                }
                return new RuleTree.Leaf(matcher, List.copyOf(values), false);
            }
            default -> throw new ParseError(node.goType() + " is not supported");
        }
    }

    // ---- Go AST subset ----

    private sealed interface Node permits Binary, Unary, Paren, Literal, Ident, Selector, Call, Index, Other {
        String goType();
    }

    private record Binary(String op, Node x, Node y) implements Node {
        public String goType() {
            return "*ast.BinaryExpr";
        }
    }

    private record Unary(String op, Node x) implements Node {
        public String goType() {
            return "*ast.UnaryExpr";
        }
    }

    private record Paren(Node x) implements Node {
        public String goType() {
            return "*ast.ParenExpr";
        }
    }

    private record Literal(Kind kind, String text, String value) implements Node {
        public String goType() {
            return "*ast.BasicLit";
        }
    }

    private record Ident(String name) implements Node {
        public String goType() {
            return "*ast.Ident";
        }
    }

    private record Selector(Node x, String name) implements Node {
        public String goType() {
            return "*ast.SelectorExpr";
        }

        String dotted() {
            if (x instanceof Ident i) {
                return i.name + "." + name;
            }
            if (x instanceof Selector s) {
                return s.dotted() + "." + name;
            }
            return "?." + name;
        }
    }

    private record Call(Node fun, List<Node> args) implements Node {
        public String goType() {
            return "*ast.CallExpr";
        }
    }

    private record Index(Node x, Node index) implements Node {
        public String goType() {
            return "*ast.IndexExpr";
        }
    }

    private record Other(String type) implements Node {
        public String goType() {
            return type;
        }
    }

    private enum Kind {
        EOF("EOF"), IDENT("IDENT"), INT("INT"), FLOAT("FLOAT"), IMAG("IMAG"), CHAR("CHAR"), STRING("STRING"),
        OP("OP"), SEMICOLON(";"), KEYWORD("KEYWORD");

        final String goName;

        Kind(String goName) {
            this.goName = goName;
        }

        boolean literal() {
            return this == IDENT || this == INT || this == FLOAT || this == IMAG || this == CHAR || this == STRING;
        }
    }

    private static final Set<String> KEYWORDS = Set.of("break", "case", "chan", "const", "continue", "default",
            "defer", "else", "fallthrough", "for", "func", "go", "goto", "if", "import", "interface", "map",
            "package", "range", "return", "select", "struct", "switch", "type", "var");

    /** Binary operators by Go precedence. */
    private static int precedence(String op) {
        return switch (op) {
            case "||" -> 1;
            case "&&" -> 2;
            case "==", "!=", "<", "<=", ">", ">=" -> 3;
            case "+", "-", "|", "^" -> 4;
            case "*", "/", "%", "<<", ">>", "&", "&^" -> 5;
            default -> 0;
        };
    }

    /** Go's scanner (with automatic semicolons) and the expression part of Go's parser. */
    private static final class Syntax {
        private static final String[] OPERATORS = {"&^=", "<<=", ">>=", "...", "&&", "||", "<-", "++", "--", "==",
            "!=", "<=", ">=", ":=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<", ">>", "&^", "+", "-", "*",
            "/", "%", "&", "|", "^", "<", ">", "=", "!", "(", ")", "[", "]", "{", "}", ",", ";", ".", ":", "~"};

        private final String src;
        private int offset;
        private boolean insertSemi;
        // current token
        private Kind kind;
        private String lit;   // literal text, operator, or "\n" for an automatic semicolon
        private int pos;

        Syntax(String src) throws ParseError {
            this.src = src;
            next();
        }

        private String position(int at) {
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < at && i < src.length(); i++) {
                if (src.charAt(i) == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            int column = src.substring(lineStart, Math.min(at, src.length())).getBytes(StandardCharsets.UTF_8).length + 1;
            return line + ":" + column;
        }

        private ParseError error(int at, String message) {
            return new ParseError(position(at) + ": " + message);
        }

        private void next() throws ParseError {
            // skip whitespace and comments; a newline ends the line when a semicolon is due
            while (offset < src.length()) {
                char c = src.charAt(offset);
                if (c == '\n' && insertSemi) {
                    insertSemi = false;
                    kind = Kind.SEMICOLON;
                    lit = "\n";
                    pos = offset;
                    offset++;
                    return;
                }
                if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                    offset++;
                } else if (src.startsWith("//", offset)) {
                    int nl = src.indexOf('\n', offset);
                    offset = nl < 0 ? src.length() : nl;
                } else if (src.startsWith("/*", offset)) {
                    int end = src.indexOf("*/", offset + 2);
                    if (end < 0) {
                        throw error(offset, "comment not terminated");
                    }
                    boolean newline = src.substring(offset, end).indexOf('\n') >= 0;
                    offset = end + 2;
                    if (newline && insertSemi) {
                        insertSemi = false;
                        kind = Kind.SEMICOLON;
                        lit = "\n";
                        pos = offset;
                        return;
                    }
                } else {
                    break;
                }
            }
            pos = offset;
            if (offset >= src.length()) {
                if (insertSemi) {
                    insertSemi = false;
                    kind = Kind.SEMICOLON;
                    lit = "\n";
                    return;
                }
                kind = Kind.EOF;
                lit = "";
                return;
            }
            char c = src.charAt(offset);
            if (Character.isLetter(c) || c == '_') {
                int start = offset;
                while (offset < src.length()) {
                    int cp = src.codePointAt(offset);
                    if (!Character.isLetterOrDigit(cp) && cp != '_') {
                        break;
                    }
                    offset += Character.charCount(cp);
                }
                lit = src.substring(start, offset);
                if (KEYWORDS.contains(lit)) {
                    kind = Kind.KEYWORD;
                    insertSemi = lit.equals("break") || lit.equals("continue") || lit.equals("fallthrough")
                            || lit.equals("return");
                } else {
                    kind = Kind.IDENT;
                    insertSemi = true;
                }
                return;
            }
            if (c >= '0' && c <= '9' || c == '.' && offset + 1 < src.length() && Character.isDigit(src.charAt(offset + 1))) {
                scanNumber();
                insertSemi = true;
                return;
            }
            if (c == '`') {
                int end = src.indexOf('`', offset + 1);
                if (end < 0) {
                    throw error(offset, "raw string literal not terminated");
                }
                lit = src.substring(offset, end + 1);
                offset = end + 1;
                kind = Kind.STRING;
                insertSemi = true;
                return;
            }
            if (c == '"') {
                int i = offset + 1;
                while (true) {
                    if (i >= src.length() || src.charAt(i) == '\n') {
                        throw error(offset, "string literal not terminated");
                    }
                    char d = src.charAt(i);
                    if (d == '"') {
                        break;
                    }
                    if (d == '\\') {
                        i++;
                    }
                    i++;
                }
                lit = src.substring(offset, i + 1);
                offset = i + 1;
                kind = Kind.STRING;
                insertSemi = true;
                return;
            }
            if (c == '\'') {
                int i = offset + 1;
                while (i < src.length() && src.charAt(i) != '\'' && src.charAt(i) != '\n') {
                    if (src.charAt(i) == '\\') {
                        i++;
                    }
                    i++;
                }
                if (i >= src.length() || src.charAt(i) != '\'') {
                    throw error(offset, "rune literal not terminated");
                }
                String body = src.substring(offset + 1, i);
                boolean single = body.startsWith("\\") ? body.length() >= 2 && (body.length() == 2 || "xuU01234567".indexOf(body.charAt(1)) >= 0)
                        : body.codePointCount(0, body.length()) == 1;
                if (!single) {
                    throw error(offset, "illegal rune literal");
                }
                lit = src.substring(offset, i + 1);
                offset = i + 1;
                kind = Kind.CHAR;
                insertSemi = true;
                return;
            }
            for (String op : OPERATORS) {
                if (src.startsWith(op, offset)) {
                    offset += op.length();
                    lit = op;
                    kind = Kind.OP;
                    insertSemi = op.equals(")") || op.equals("]") || op.equals("}") || op.equals("++") || op.equals("--");
                    if (op.equals(";")) {
                        kind = Kind.SEMICOLON;
                        lit = ";";
                    }
                    return;
                }
            }
            int cp = src.codePointAt(offset);
            throw error(offset, String.format(Locale.ROOT, "illegal character U+%04X '%s'", cp, new String(Character.toChars(cp))));
        }

        private void scanNumber() {
            int start = offset;
            boolean isFloat = false;
            boolean hex = src.startsWith("0x", offset) || src.startsWith("0X", offset);
            if (hex) {
                offset += 2;
            }
            while (offset < src.length()) {
                char d = src.charAt(offset);
                if (Character.isLetterOrDigit(d) || d == '_') {
                    if (!hex && (d == 'e' || d == 'E') && offset + 1 < src.length()
                            && (src.charAt(offset + 1) == '+' || src.charAt(offset + 1) == '-')) {
                        offset++;
                        isFloat = true;
                    }
                    offset++;
                } else if (d == '.') {
                    isFloat = true;
                    offset++;
                } else {
                    break;
                }
            }
            lit = src.substring(start, offset);
            if (lit.endsWith("i")) {
                kind = Kind.IMAG;
            } else if (isFloat || !hex && (lit.contains("e") || lit.contains("E"))) {
                kind = Kind.FLOAT;
            } else {
                kind = Kind.INT;
            }
        }

        private String found() {
            if (kind == Kind.SEMICOLON && lit.equals("\n")) {
                return "newline";
            }
            if (kind.literal()) {
                return lit;
            }
            if (kind == Kind.EOF) {
                return "'EOF'";
            }
            return "'" + lit + "'";
        }

        private ParseError expected(String what) {
            return error(pos, "expected " + what + ", found " + found());
        }

        private boolean isOp(String op) {
            return kind == Kind.OP && lit.equals(op);
        }

        Node parseExprTop() throws ParseError {
            Node node = parseBinary(1);
            if (kind == Kind.SEMICOLON && lit.equals("\n")) {
                next();
            }
            if (kind != Kind.EOF) {
                throw expected("'EOF'");
            }
            return node;
        }

        private Node parseBinary(int minPrec) throws ParseError {
            Node x = parseUnary();
            while (kind == Kind.OP) {
                int prec = precedence(lit);
                if (prec < minPrec || prec == 0) {
                    break;
                }
                String op = lit;
                next();
                Node y = parseBinary(prec + 1);
                x = new Binary(op, x, y);
            }
            return x;
        }

        private Node parseUnary() throws ParseError {
            if (kind == Kind.OP) {
                switch (lit) {
                    case "+", "-", "!", "^", "&", "<-", "~" -> {
                        String op = lit;
                        next();
                        return new Unary(op, parseUnary());
                    }
                    case "*" -> {
                        next();
                        parseUnary();
                        return new Other("*ast.StarExpr");
                    }
                    default -> {
                    }
                }
            }
            return parsePrimary();
        }

        private Node parsePrimary() throws ParseError {
            Node x = parseOperand();
            while (true) {
                if (isOp(".")) {
                    next();
                    if (kind != Kind.IDENT) {
                        throw expected("selector or type assertion");
                    }
                    x = new Selector(x, lit);
                    next();
                } else if (isOp("(")) {
                    next();
                    List<Node> args = new ArrayList<>();
                    while (!isOp(")") && kind != Kind.EOF) {
                        args.add(parseBinary(1));
                        if (isOp("...")) {
                            next();
                        }
                        if (isOp(",")) {
                            next();
                        } else if (isOp(")")) {
                            break;
                        } else {
                            // Go's atComma: report the missing comma where the next token starts
                            boolean newline = kind == Kind.SEMICOLON && lit.equals("\n");
                            throw error(pos, "missing ','" + (newline ? " before newline" : "") + " in argument list");
                        }
                    }
                    if (!isOp(")")) {
                        throw expected("')'");
                    }
                    next();
                    x = new Call(x, args);
                } else if (isOp("[")) {
                    next();
                    Node index = parseBinary(1);
                    if (!isOp("]")) {
                        throw expected("']'");
                    }
                    next();
                    x = new Index(x, index);
                } else {
                    return x;
                }
            }
        }

        private Node parseOperand() throws ParseError {
            switch (kind) {
                case IDENT -> {
                    Node n = new Ident(lit);
                    next();
                    return n;
                }
                case STRING -> {
                    int at = pos;
                    String text = lit;
                    next();
                    return new Literal(Kind.STRING, text, unquote(text, at));
                }
                case INT, FLOAT, IMAG, CHAR -> {
                    Node n = new Literal(kind, lit, lit);
                    next();
                    return n;
                }
                case OP -> {
                    if (lit.equals("(")) {
                        next();
                        Node inner = parseBinary(1);
                        if (!isOp(")")) {
                            throw expected("')'");
                        }
                        next();
                        return new Paren(inner);
                    }
                    throw expected("operand");
                }
                default -> throw expected("operand");
            }
        }

        /** strconv.Unquote; escape errors are reported as Go's scanner does. */
        private String unquote(String text, int at) throws ParseError {
            if (text.charAt(0) == '`') {
                return text.substring(1, text.length() - 1).replace("\r", "");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
            int i = 1;
            int end = text.length() - 1;
            while (i < end) {
                char c = text.charAt(i);
                if (c != '\\') {
                    int cp = text.codePointAt(i);
                    out.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
                    i += Character.charCount(cp);
                    continue;
                }
                char e = text.charAt(i + 1);
                i += 2;
                switch (e) {
                    case 'a' -> out.write(7);
                    case 'b' -> out.write(8);
                    case 'f' -> out.write(12);
                    case 'n' -> out.write(10);
                    case 'r' -> out.write(13);
                    case 't' -> out.write(9);
                    case 'v' -> out.write(11);
                    case '\\' -> out.write('\\');
                    case '"' -> out.write('"');
                    case 'x', 'u', 'U' -> {
                        int n = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                        if (i + n > end) {
                            throw error(at + i, "escape sequence not terminated");
                        }
                        long v = 0;
                        for (int k = 0; k < n; k++) {
                            int h = RoutingPath.hex(text.charAt(i + k));
                            if (h < 0) {
                                throw error(at + i + k, "illegal character U+" + String.format(Locale.ROOT, "%04X", (int) text.charAt(i + k))
                                        + " '" + text.charAt(i + k) + "' in escape sequence");
                            }
                            v = v << 4 | h;
                        }
                        i += n;
                        if (e == 'x') {
                            out.write((int) v);
                        } else {
                            if (v > 0x10FFFF || v >= 0xD800 && v < 0xE000) {
                                throw error(at + i - n - 1, "escape sequence is invalid Unicode code point");
                            }
                            out.writeBytes(new String(Character.toChars((int) v)).getBytes(StandardCharsets.UTF_8));
                        }
                    }
                    case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                        if (i + 2 > end) {
                            throw error(at + i, "escape sequence not terminated");
                        }
                        int v = e - '0';
                        for (int k = 0; k < 2; k++) {
                            char d = text.charAt(i + k);
                            if (d < '0' || d > '7') {
                                throw error(at + i + k, "illegal character U+" + String.format(Locale.ROOT, "%04X", (int) d)
                                        + " '" + d + "' in escape sequence");
                            }
                            v = v * 8 + (d - '0');
                        }
                        i += 2;
                        if (v > 255) {
                            throw error(at + i - 3, "escape sequence is invalid Unicode code point");
                        }
                        out.write(v);
                    }
                    default -> throw error(at + i - 1, "unknown escape sequence");
                }
            }
            return out.toString(StandardCharsets.UTF_8);
        }
    }
}
