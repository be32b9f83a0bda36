package io.alluse.ui.notify;

import io.alluse.domain.AccountId;
import io.alluse.engine.EngineEvents;
import io.alluse.ui.common.UiExecutor;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The notifications of this session: what the engine reported (deposits, fills, assignments,
 * errors, missed windows) and what the user's actions did. Keeps the newest {@link #KEEP} for the
 * log; tells listeners (the toast layer) of each new one. FX thread only, except {@link #follow}'s
 * listener, which hops there.
 */
public final class NotificationCenter implements AutoCloseable {

    public static final int KEEP = 500;

    private final ObservableList<Notification> log = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper unread = new ReadOnlyIntegerWrapper(0);
    private final java.util.List<Consumer<Notification>> listeners = new java.util.ArrayList<>();
    private AutoCloseable subscription = () -> { };

    /** Turns the engine's events into notifications; {@code names} gives an account's display name. */
    public void follow(EngineEvents events, UiExecutor executor, Function<AccountId, String> names) {
        close();
        subscription = events.subscribe(event -> {
            if (event.isNotification()) {
                executor.onUiThread(() -> Notification.of(event, names.apply(event.account())).ifPresent(this::post));
            }
        });
    }

    public void post(Notification n) {
        // newest first, as the log shows them
        log.addFirst(n);
        if (log.size() > KEEP) {
            log.remove(KEEP, log.size());
        }
        unread.set(unread.get() + 1);
        listeners.forEach(l -> l.accept(n));
    }

    public void onPosted(Consumer<Notification> listener) {
        listeners.add(listener);
    }

    /** Newest first. */
    public ObservableList<Notification> log() {
        return FXCollections.unmodifiableObservableList(log);
    }

    public ReadOnlyIntegerProperty unreadProperty() {
        return unread.getReadOnlyProperty();
    }

    public void markRead() {
        unread.set(0);
    }

    public void clear() {
        log.clear();
        unread.set(0);
    }

    @Override
    public void close() {
        try {
            subscription.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        subscription = () -> { };
    }
}
