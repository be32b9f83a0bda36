package io.alluse.app;

import java.util.List;
import java.util.Map;

/** Just enough JSON writing for the command line's {@code --json} output; no library needed for that. */
final class Json {

    private Json() {
    }

    /** Writes maps (as objects, in their iteration order), lists, strings, numbers, booleans and null. */
    static String write(Object value) {
        StringBuilder b = new StringBuilder();
        write(value, b, 0);
        return b.toString();
    }

    private static void write(Object value, StringBuilder b, int indent) {
        switch (value) {
            case null -> b.append("null");
            case String s -> string(s, b);
            case java.math.BigDecimal d -> b.append(d.toPlainString());
            case Number n -> b.append(n);
            case Boolean bool -> b.append(bool);
            case Map<?, ?> map -> {
                if (map.isEmpty()) {
                    b.append("{}");
                    return;
                }
                b.append("{\n");
                int i = 0;
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    pad(b, indent + 2);
                    string(String.valueOf(e.getKey()), b);
                    b.append(": ");
                    write(e.getValue(), b, indent + 2);
                    b.append(++i < map.size() ? ",\n" : "\n");
                }
                pad(b, indent);
                b.append('}');
            }
            case List<?> list -> {
                if (list.isEmpty()) {
                    b.append("[]");
                    return;
                }
                b.append("[\n");
                for (int i = 0; i < list.size(); i++) {
                    pad(b, indent + 2);
                    write(list.get(i), b, indent + 2);
                    b.append(i + 1 < list.size() ? ",\n" : "\n");
                }
                pad(b, indent);
                b.append(']');
            }
            default -> string(value.toString(), b);
        }
    }

    private static void pad(StringBuilder b, int n) {
        b.append(" ".repeat(n));
    }

    private static void string(String s, StringBuilder b) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }
}
