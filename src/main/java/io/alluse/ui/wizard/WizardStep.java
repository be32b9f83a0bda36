package io.alluse.ui.wizard;

import io.alluse.domain.SleeveKind;
import java.util.function.Predicate;

/** The wizard's pages in order, with the validator field keys each page shows. */
public enum WizardStep {
    BASICS("Basics", "Name, id and initial capital of the new account."),
    BROKERAGE("Brokerage", "Where the account trades. Test the connection before you go on."),
    ALLOCATION("Allocation", "How the capital is split between the three sleeves, and the cash each keeps back."),
    SLEEVES("Sleeve parameters", "What each sleeve trades and how: symbols, delta, days to expiry, entry days and limits."),
    WINDOW("Execution window", "When in the trading day (New York time) this account places its orders."),
    REVIEW("Review", "Check everything once more, then create the account.");

    private final String title;
    private final String description;

    WizardStep(String title, String description) {
        this.title = title;
        this.description = description;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    /** Whether a validator message with this field key belongs on this page. */
    public boolean shows(String field) {
        return owner(field) == this;
    }

    public Predicate<String> fields() {
        return this::shows;
    }

    /** The page a field key is shown on; anything unknown is shown on the review page. */
    public static WizardStep owner(String field) {
        if (field.equals("id") || field.equals("name") || field.equals("capital")) {
            return BASICS;
        }
        if (field.startsWith("broker")) {
            return BROKERAGE;
        }
        if (field.equals("allocation") || field.equals("cashBuffer") || field.endsWith(".target")) {
            return ALLOCATION;
        }
        if (field.startsWith("window")) {
            return WINDOW;
        }
        for (SleeveKind kind : SleeveKind.values()) {
            if (field.equals(kind.key()) || field.startsWith(kind.key() + ".")) {
                return SLEEVES;
            }
        }
        return REVIEW;
    }

    public WizardStep next() {
        return values()[Math.min(ordinal() + 1, values().length - 1)];
    }

    public WizardStep previous() {
        return values()[Math.max(ordinal() - 1, 0)];
    }

    public boolean isFirst() {
        return this == values()[0];
    }

    public boolean isLast() {
        return this == values()[values().length - 1];
    }
}
