package io.alluse.ui.notify;

import io.alluse.domain.AccountId;
import io.alluse.engine.EngineEvents;
import io.alluse.store.NotificationLog;
import io.alluse.ui.common.UiExecutor;
import java.time.Instant;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notifications: what the engine reported (deposits, fills, assignments, errors, missed
 * windows) and what the user's actions did. Keeps the newest {@link #KEEP} for the log, in an
 * {@link NotificationArchive} so that they outlive a restart with their seen/unseen state (DR 0025);
 * tells listeners (the toast layer) of each new one. FX thread only, except {@link #follow}'s
 * listener, which hops there. The archive is read and written on one background thread, in order,
 * so the FX thread never waits for the database.
 */
public final class NotificationCenter implements AutoCloseable {

    public static final int KEEP = NotificationLog.KEEP;
    private static final Logger LOG = LoggerFactory.getLogger(NotificationCenter.class);

    private final ObservableList<Notification> log = FXCollections.observableArrayList();
    /** By identity: two equal notifications (the same fill message twice) are two lines. */
    private final Set<Notification> unseen = Collections.newSetFromMap(new IdentityHashMap<>());
    private final ReadOnlyIntegerWrapper unread = new ReadOnlyIntegerWrapper(0);
    private final java.util.List<Consumer<Notification>> listeners = new java.util.ArrayList<>();
    private final NotificationArchive archive;
    private final ExecutorService writer;
    private AutoCloseable subscription = () -> { };

    /** For this session only. */
    public NotificationCenter() {
        this(NotificationArchive.NONE);
    }

    public NotificationCenter(NotificationArchive archive) {
        this.archive = archive;
        this.writer = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("notification-log").factory());
    }

    /**
     * Adds the archived notifications below this session's (they are older), unseen ones counted as
     * unread; no toasts for them. Call once, before or after the first {@link #post}.
     */
    public void restore(UiExecutor executor) {
        background(() -> {
            List<NotificationArchive.Stored> stored = archive.recent(KEEP);
            executor.onUiThread(() -> {
                for (NotificationArchive.Stored s : stored) {
                    if (log.size() >= KEEP) {
                        break;
                    }
                    log.add(s.notification());
                    if (!s.seen()) {
                        unseen.add(s.notification());
                    }
                }
                unread.set(unseen.size());
            });
        });
    }

    /** Turns the engine's events into notifications; {@code names} gives an account's display name. */
    public void follow(EngineEvents events, UiExecutor executor, Function<AccountId, String> names) {
        unsubscribe();
        subscription = events.subscribe(event -> {
            if (event.isNotification()) {
                executor.onUiThread(() -> Notification.of(event, names.apply(event.account())).ifPresent(this::post));
            }
        });
    }

    public void post(Notification n) {
        // newest first, as the log shows them
        log.addFirst(n);
        unseen.add(n);
        if (log.size() > KEEP) {
            log.subList(KEEP, log.size()).forEach(unseen::remove);
            log.remove(KEEP, log.size());
        }
        unread.set(unseen.size());
        Instant now = Instant.now();
        background(() -> archive.append(n, now));
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

    /** Whether {@code n} (this very line of the log) arrived after the user last opened the log. */
    public boolean isUnread(Notification n) {
        return unseen.contains(n);
    }

    /** The user looked at the log: everything in it has been seen, here and in the archive. */
    public void markRead() {
        unseen.clear();
        unread.set(0);
        background(archive::markAllSeen);
    }

    public void clear() {
        log.clear();
        unseen.clear();
        unread.set(0);
        background(archive::clear);
    }

    private void background(Runnable work) {
        if (writer.isShutdown()) {
            return;
        }
        writer.execute(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                // the log is a convenience: the audit log has the record; the session goes on
                LOG.warn("Notification log not updated: {}", e.getMessage(), e);
            }
        });
    }

    private void unsubscribe() {
        try {
            subscription.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        subscription = () -> { };
    }

    /** Stops following the engine and finishes the pending archive writes (a few seconds at most). */
    @Override
    public void close() {
        unsubscribe();
        writer.shutdown();
        try {
            if (!writer.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("Notification log: writes still pending at close");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
