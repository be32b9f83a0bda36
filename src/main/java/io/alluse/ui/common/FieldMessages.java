package io.alluse.ui.common;

import io.alluse.domain.FieldError;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The validator's messages by field key ({@code capital}, {@code gen.deltaMin}, {@code window}), as
 * properties a view binds next to each field. The texts are the domain's own, so the form and the
 * command line say exactly the same thing.
 */
public final class FieldMessages {

    private final Map<String, ReadOnlyStringWrapper> byField = new HashMap<>();
    private final ReadOnlyIntegerWrapper version = new ReadOnlyIntegerWrapper();
    private List<FieldError> current = List.of();

    /** The message for one field, empty while the field is fine. */
    public ReadOnlyStringProperty message(String field) {
        return wrapper(field).getReadOnlyProperty();
    }

    public String get(String field) {
        return wrapper(field).get();
    }

    /** Replaces all messages; several errors on one field are shown one per line. */
    public void show(List<FieldError> errors) {
        current = List.copyOf(errors);
        Map<String, String> joined = new LinkedHashMap<>();
        for (FieldError e : errors) {
            joined.merge(e.field(), e.message(), (a, b) -> a + "\n" + b);
        }
        for (Map.Entry<String, ReadOnlyStringWrapper> entry : byField.entrySet()) {
            entry.getValue().set(joined.getOrDefault(entry.getKey(), ""));
        }
        joined.forEach((field, message) -> wrapper(field).set(message));
        version.set(version.get() + 1);
    }

    public List<FieldError> errors() {
        return current;
    }

    public boolean any(Predicate<String> field) {
        return current.stream().anyMatch(e -> field.test(e.field()));
    }

    /** Changes each time {@link #show} runs: views that summarise errors (tab badges) listen to it. */
    public ReadOnlyIntegerProperty versionProperty() {
        return version.getReadOnlyProperty();
    }

    private ReadOnlyStringWrapper wrapper(String field) {
        return byField.computeIfAbsent(field, f -> new ReadOnlyStringWrapper(this, f, ""));
    }
}
