package io.alluse.ui.notify;

import io.alluse.store.NotificationLog;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Where the notifications outlive the session (DR 0025); {@link #NONE} keeps them for the session only. */
public interface NotificationArchive {

    /** A notification as it was stored, and whether the user had seen it (opened the panel since). */
    record Stored(Notification notification, boolean seen) {
    }

    void append(Notification n, Instant postedAt);

    /** The newest {@code limit}, newest first. */
    List<Stored> recent(int limit);

    void markAllSeen();

    void clear();

    NotificationArchive NONE = new NotificationArchive() {
        @Override
        public void append(Notification n, Instant postedAt) {
        }

        @Override
        public List<Stored> recent(int limit) {
            return List.of();
        }

        @Override
        public void markAllSeen() {
        }

        @Override
        public void clear() {
        }
    };

    /** The store's table. */
    static NotificationArchive of(NotificationLog log) {
        return new NotificationArchive() {
            @Override
            public void append(Notification n, Instant postedAt) {
                log.append(postedAt, n.kind().name(), n.title(), n.message(), n.account(), n.marketTime());
            }

            @Override
            public List<Stored> recent(int limit) {
                return log.recent(limit).stream().map(e -> new Stored(new Notification(kind(e.kind()), e.title(), e.message(), e.account(),
                        e.marketTime()), e.seen())).toList();
            }

            @Override
            public void markAllSeen() {
                log.markAllSeen();
            }

            @Override
            public void clear() {
                log.clear();
            }
        };
    }

    private static Notification.Kind kind(String name) {
        try {
            return Notification.Kind.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            // a kind a newer version wrote: still shown, as plain information
            return Notification.Kind.INFO;
        }
    }
}
