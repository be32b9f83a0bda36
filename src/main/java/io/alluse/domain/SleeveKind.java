package io.alluse.domain;

/** The three sleeves every main account is split into (SPEC section 1). */
public enum SleeveKind {
    GEN("Gen-Acc", "Generator"),
    REV("Rev-Acc", "Revenue"),
    COM("Com-Acc", "Compounding");

    private final String label;
    private final String role;

    SleeveKind(String label, String role) {
        this.label = label;
        this.role = role;
    }

    /** {@code Gen-Acc}: the name traders use. */
    public String label() {
        return label;
    }

    public String role() {
        return role;
    }

    /** Short key used in field names and command-line options: {@code gen}, {@code rev}, {@code com}. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static SleeveKind fromKey(String key) {
        for (SleeveKind kind : values()) {
            if (kind.key().equalsIgnoreCase(key) || kind.label.equalsIgnoreCase(key)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown sleeve '" + key + "': use gen, rev or com");
    }
}
