package io.alluse.engine;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Fan-out of engine events to listeners (UI, headless printer, tests). A failing listener is logged, never fatal. */
public final class EngineEvents {

    private static final Logger log = LoggerFactory.getLogger(EngineEvents.class);

    private final List<Consumer<EngineEvent>> listeners = new CopyOnWriteArrayList<>();

    /** Returns a handle that removes the listener again (views release theirs when closed). */
    public AutoCloseable subscribe(Consumer<EngineEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    public void publish(EngineEvent event) {
        for (Consumer<EngineEvent> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                log.warn("Event listener failed on {}: {}", event, e.toString());
            }
        }
    }
}
