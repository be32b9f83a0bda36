package io.alluse.domain;

/**
 * One rejected input: which field, and a sentence that says what is wrong and how to fix it.
 * Field names are stable keys ({@code capital}, {@code gen.deltaMin}, {@code window.start}) that the
 * command line maps to its options and the UI to its controls.
 */
public record FieldError(String field, String message) {

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
