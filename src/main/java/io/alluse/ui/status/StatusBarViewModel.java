package io.alluse.ui.status;

import io.alluse.domain.AccountId;
import io.alluse.domain.AccountStatus;
import io.alluse.domain.run.AccountHealth;
import io.alluse.engine.AccountRuntime;
import io.alluse.engine.Engine;
import io.alluse.engine.TimeControl;
import io.alluse.ui.common.Formats;
import io.alluse.ui.common.UiExecutor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

/**
 * What the status bar shows: the engine's state, the next scheduled run, each account's broker
 * connection and the paper clock with its speed. {@link #poll} reads the engine off the FX thread.
 */
public final class StatusBarViewModel {

    /** One account's broker connection as the popup lists it. */
    public record Connection(AccountId account, String name, AccountHealth health, String detail) {
    }

    private final Engine engine;
    private final TimeControl.Simulated clock;
    private final UiExecutor executor;
    private final Function<AccountId, String> names;

    private final ReadOnlyStringWrapper engineState = new ReadOnlyStringWrapper("Engine starting\u2026");
    private final ReadOnlyBooleanWrapper enginePaused = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper nextRun = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper nextRunDetail = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper engineDetail = new ReadOnlyStringWrapper("");
    private static final java.time.ZoneId NEW_YORK = java.time.ZoneId.of("America/New_York");
    private static final java.time.format.DateTimeFormatter SHORT = java.time.format.DateTimeFormatter.ofPattern("EEE HH:mm", java.util.Locale.US);
    private final ReadOnlyStringWrapper brokers = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<AccountHealth> brokerHealth = new ReadOnlyObjectWrapper<>(AccountHealth.OK);
    private final ReadOnlyObjectWrapper<List<Connection>> connections = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyStringWrapper clockText = new ReadOnlyStringWrapper("");
    private final ObjectProperty<ClockSpeed> speed = new SimpleObjectProperty<>();
    private boolean polling;

    /** {@code clock} may be null (no paper clock: live trading on the wall clock). */
    public StatusBarViewModel(Engine engine, TimeControl.Simulated clock, UiExecutor executor, Function<AccountId, String> names) {
        this.engine = engine;
        this.clock = clock;
        this.executor = executor;
        this.names = names;
        speed.set(clock == null ? ClockSpeed.REAL_TIME : ClockSpeed.nearest(clock.speed()));
        speed.addListener((obs, old, now) -> {
            if (clock != null && now != null && now.factor() != clock.speed()) {
                clock.setSpeed(now.factor());
                poll();
            }
        });
    }

    private record Reading(List<AccountRuntime> runtime, Instant now, double speed) {
    }

    /** Reads the engine in the background and updates the texts; a poll while one runs is skipped. */
    public void poll() {
        if (polling) {
            return;
        }
        polling = true;
        executor.submit("Reading the engine", () -> new Reading(engine.runtime(), engine.time().now(), clock == null ? 1 : clock.speed()),
                r -> {
                    polling = false;
                    show(r);
                }, e -> {
                    polling = false;
                    engineState.set("Engine: " + e.getMessage());
                });
    }

    void show(Reading r) {
        List<AccountRuntime> rt = r.runtime();
        long paused = rt.stream().filter(x -> x.status() == AccountStatus.PAUSED).count();
        long failing = rt.stream().filter(x -> x.health() != AccountHealth.OK).count();
        long active = rt.size() - paused;
        boolean stopped = clock != null && r.speed() <= 0;
        enginePaused.set(stopped);
        String accounts = active + " running" + (paused > 0 ? ", " + paused + " paused" : "") + (failing > 0 ? ", " + failing + " failing" : "");
        String attention = (paused > 0 ? paused + " paused" : "") + (paused > 0 && failing > 0 ? ", " : "") + (failing > 0 ? failing + " failing" : "");
        engineState.set((stopped ? "Engine paused" : "Engine running") + " \u00b7 "
                + (attention.isEmpty() ? rt.size() + (rt.size() == 1 ? " account" : " accounts") : attention));
        engineDetail.set(stopped ? "The paper clock is stopped: the market stands still and nothing trades until it runs again."
                : "The engine runs every account on its own worker: " + accounts + ".");

        Optional<AccountRuntime> next = rt.stream().filter(x -> x.status() == AccountStatus.ACTIVE && x.nextRun().isPresent())
                .min(Comparator.comparing(x -> x.nextRun().get()));
        nextRun.set(next.map(x -> "Next: " + names.apply(x.account()) + " " + SHORT.format(x.nextRun().get().atZone(NEW_YORK)))
                .orElse("Nothing scheduled"));
        nextRunDetail.set(next.map(x -> "Next due: " + names.apply(x.account()) + " at " + Formats.marketTime(x.nextRun().get())
                + " (its window, a sync or a retry)").orElse("No active account has anything scheduled."));

        List<Connection> list = new ArrayList<>(rt.size());
        for (AccountRuntime x : rt) {
            String detail = switch (x.health()) {
                case OK -> "connected";
                case RETRYING -> "retrying: " + x.lastError();
                case ERROR -> "failing: " + x.lastError();
            };
            list.add(new Connection(x.account(), names.apply(x.account()), x.health(), detail));
        }
        connections.set(List.copyOf(list));
        long ok = rt.size() - failing;
        brokerHealth.set(rt.stream().map(AccountRuntime::health).max(Comparator.naturalOrder()).orElse(AccountHealth.OK));
        brokers.set(rt.isEmpty() ? "No brokers" : ok + "/" + rt.size() + " brokers");
        clockText.set(Formats.marketTime(r.now()));
        if (clock != null && speed.get().factor() != r.speed()) {
            speed.set(ClockSpeed.nearest(r.speed()));
        }
    }

    public boolean hasPaperClock() {
        return clock != null;
    }

    public ReadOnlyStringProperty engineStateProperty() {
        return engineState.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty enginePausedProperty() {
        return enginePaused.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty nextRunProperty() {
        return nextRun.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty nextRunDetailProperty() {
        return nextRunDetail.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty engineDetailProperty() {
        return engineDetail.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty brokersProperty() {
        return brokers.getReadOnlyProperty();
    }

    /** The worst health among the accounts' brokers. */
    public ReadOnlyObjectProperty<AccountHealth> brokerHealthProperty() {
        return brokerHealth.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<Connection>> connectionsProperty() {
        return connections.getReadOnlyProperty();
    }

    /** The market time the engine is at (simulated in paper mode). */
    public ReadOnlyStringProperty clockTextProperty() {
        return clockText.getReadOnlyProperty();
    }

    /** The paper clock's speed; setting it changes the clock. */
    public ObjectProperty<ClockSpeed> speedProperty() {
        return speed;
    }
}
