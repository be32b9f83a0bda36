package io.alluse.domain;

import java.util.List;

/** The outcome of checking input: a value, or the reasons it was refused. */
public sealed interface Validated<T> {

    record Valid<T>(T value) implements Validated<T> {
    }

    record Invalid<T>(List<FieldError> errors) implements Validated<T> {
        public Invalid {
            errors = List.copyOf(errors);
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("an invalid result needs at least one error");
            }
        }
    }

    default boolean isValid() {
        return this instanceof Valid<T>;
    }

    default List<FieldError> errors() {
        return this instanceof Invalid<T> invalid ? invalid.errors() : List.of();
    }

    /** The value, or a {@link ValidationException} with every error. */
    default T orThrow() {
        return switch (this) {
            case Valid<T> valid -> valid.value();
            case Invalid<T> invalid -> throw new ValidationException(invalid.errors());
        };
    }
}
