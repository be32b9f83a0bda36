package io.alluse.engine;

import io.alluse.domain.Account;
import io.alluse.domain.AccountId;
import io.alluse.domain.AccountStatus;
import io.alluse.store.LedgerStore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every account on its own worker: work for one account is serial, accounts run in
 * parallel, and nothing one account does (an exception, a hung or slow broker, bad credentials)
 * delays or stops another (SPEC section 3).
 *
 * <p>One driver moves time from one due point to the next ({@link CycleSchedule#nextWake}),
 * dispatches what is due to the accounts' lanes, and waits for them at most
 * {@link EngineSettings#stepGrace()} before moving on without the slow ones. With a simulated
 * clock, time stands still while accounts work, so a run is reproducible from its seed.
 */
public final class Engine implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Engine.class);

    private final AccountService accounts;
    private final LedgerStore ledgers;
    private final Brokerages brokerages;
    private final TimeControl time;
    private final CycleSchedule schedule;
    private final EngineSettings settings;
    private final EngineEvents events = new EngineEvents();
    private final Map<AccountId, AccountWorker> workers = new ConcurrentHashMap<>();
    /** Workers dispatched and not finished within the grace period: the driver no longer waits for them. */
    private final Map<AccountId, CompletableFuture<Void>> overdue = new ConcurrentHashMap<>();
    /** The workers in id order, the driver's dispatch order; rebuilt only when an account comes or goes. */
    private volatile Ordered ordered = new Ordered(-1, List.of());
    /** Counts changes of {@link #workers}, so that {@link #ordered} knows when it is stale. */
    private final java.util.concurrent.atomic.AtomicLong workerChanges = new java.util.concurrent.atomic.AtomicLong();

    private record Ordered(long version, List<AccountWorker> workers) {
    }

    private final List<java.util.function.Consumer<Instant>> stepListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile boolean running;
    private Thread driver;
    private volatile Forking forking;

    public Engine(AccountService accounts, LedgerStore ledgers, Brokerages brokerages, TimeControl time, CycleSchedule schedule,
                  EngineSettings settings) {
        this.accounts = accounts;
        this.ledgers = ledgers;
        this.brokerages = brokerages;
        this.time = time;
        this.schedule = schedule;
        this.settings = settings;
        accounts.onCreated(this::manage);
    }

    public EngineEvents events() {
        return events;
    }

    public TimeControl time() {
        return time;
    }

    /**
     * Turns on ALL-USE forking and merging (docs/decisions/0017) for every account, now and to come.
     * Call before {@link #load()}, so that a fork a crash left half done is resumed before its account syncs.
     */
    public void enableForking(Forking f) {
        forking = f;
        f.attach(events, a -> {
            AccountWorker w = workers.get(a.id());
            if (w == null) {
                manage(a);
            } else {
                w.update(a);
            }
        }, this::retire);
        workers.values().forEach(w -> w.forking(f));
    }

    /** Forking and merging, if on: lineage for the views, and linking a fork that waits for its brokerage account. */
    public Optional<Forking> forking() {
        return Optional.ofNullable(forking);
    }

    /**
     * Links a fork that waits for its brokerage account to the account the user opened (the wizard's
     * brokerage step): see {@link Forking#link}. The account is managed from then on.
     */
    public Account linkBrokerage(AccountId child, BrokerSetup setup) {
        Forking f = forking;
        if (f == null) {
            throw new io.alluse.domain.DomainException("Forking is off: no account waits for a brokerage account.");
        }
        return f.link(child, setup, time.now());
    }

    /**
     * Releases the reservation a LINKED fork holds in its parent, by hand, when the user funded the fork
     * from elsewhere: see {@link Forking#release}. Nothing is sent to any broker.
     */
    public io.alluse.domain.fork.ForkRecord releaseReservation(AccountId child) {
        Forking f = forking;
        if (f == null) {
            throw new io.alluse.domain.DomainException("Forking is off: no fork holds a reservation.");
        }
        return f.release(child, time.now());
    }

    /** A merged account stops being worked (from its own lane: the worker closes once its lane is free). */
    private void retire(AccountId id) {
        AccountWorker removed = workers.remove(id);
        workerChanges.incrementAndGet();
        if (removed != null) {
            removed.update(accounts.get(id));
            Thread.ofVirtual().start(removed::close);
        }
    }

    /** Builds a worker for every account that is not closed (reconciliation happens in each one's first sync). */
    public void load() {
        for (Account a : accounts.accounts()) {
            if (a.status() == AccountStatus.CLOSED || (forking != null && forking.isWaiting(a.id()))) {
                continue;
            }
            try {
                manage(a);
            } catch (RuntimeException e) {
                // one account whose broker cannot be reached must not keep the others from running
                log.error("Account {} could not be loaded: {}", a.id(), e.getMessage(), e);
            }
        }
    }

    /** Starts managing an account at once (new accounts arrive here from {@link AccountService#create}). */
    public void manage(Account account) {
        workers.computeIfAbsent(account.id(), id -> {
            AccountWorker w = new AccountWorker(account, brokerages.connect(account), ledgers.forAccount(id), schedule, events, time::now, settings);
            w.forking(forking);
            return w;
        });
        workerChanges.incrementAndGet();
        time.wake();
    }

    /** Starts the driver on its own thread; the engine then runs until {@link #close()}. */
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        driver = Thread.ofPlatform().name("engine-driver").daemon(true).start(() -> {
            while (running) {
                try {
                    Instant next = step();
                    time.advanceTowards(next);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (RuntimeException e) {
                    log.error("Engine driver step failed; continuing", e);
                }
            }
        });
    }

    /**
     * Runs without a background thread until {@code end}: for tests, backtest-like runs and the
     * headless command. With a simulated clock at infinite speed this is deterministic.
     */
    public void runUntil(Instant end) throws InterruptedException {
        while (time.now().isBefore(end)) {
            Instant next = step();
            time.advanceTowards(next.isBefore(end) ? next : end);
        }
        step();
    }

    /** Told the time of every step before any work happens at it (the app saves the paper clock there). */
    public void onStep(java.util.function.Consumer<Instant> listener) {
        stepListeners.add(listener);
    }

    /** Dispatches everything due now, waits for it (within the grace), and returns when next to wake. */
    Instant step() {
        Instant now = time.now();
        stepListeners.forEach(l -> l.accept(now));
        List<CompletableFuture<Void>> started = new ArrayList<>();
        List<AccountWorker> ordered = ordered();
        boolean anyOverdue = !overdue.isEmpty();
        for (AccountWorker w : ordered) {
            if (!w.busy() && !(anyOverdue && overdue.containsKey(w.id())) && w.wakeFor(now).equals(now)) {
                CompletableFuture<Void> work = w.work();
                // an account whose broker is failing retries on its own: time never waits for its timeouts
                if (w.health() == io.alluse.domain.run.AccountHealth.OK) {
                    started.add(work);
                }
            }
        }
        if (!started.isEmpty()) {
            time.hold();
            awaitWithin(ordered, started);
        }
        Instant next = Instant.MAX;
        Instant after = time.now();
        anyOverdue = !overdue.isEmpty();
        for (AccountWorker w : ordered) {
            if ((anyOverdue && overdue.containsKey(w.id())) || w.busy()) {
                continue;
            }
            Instant wake = w.wakeFor(after);
            if (wake.isBefore(next)) {
                next = wake;
            }
        }
        return next.equals(Instant.MAX) ? after.plusSeconds(3600) : next;
    }

    /** The workers in id order: sorted once per change of the set, not at every step (10,000 accounts, hundreds of steps a day). */
    private List<AccountWorker> ordered() {
        Ordered o = ordered;
        long version = workerChanges.get();
        if (o.version() != version) {
            // read the version before the workers: a change meanwhile leaves this list stale, and the next step rebuilds it
            List<AccountWorker> sorted = new ArrayList<>(workers.values());
            sorted.sort(Comparator.comparing(w -> w.id().value()));
            o = new Ordered(version, List.copyOf(sorted));
            ordered = o;
        }
        return o.workers();
    }

    private void awaitWithin(List<AccountWorker> ordered, List<CompletableFuture<Void>> started) {
        long deadline = System.nanoTime() + settings.stepGrace().toNanos();
        CompletableFuture<Void> all = CompletableFuture.allOf(started.toArray(CompletableFuture[]::new));
        try {
            all.get(settings.stepGrace().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            for (AccountWorker w : ordered) {
                if (w.busy()) {
                    log.warn("Account {} is still busy after {} s; the others go on without it", w.id(), settings.stepGrace().toSeconds());
                    CompletableFuture<Void> done = new CompletableFuture<>();
                    overdue.put(w.id(), done);
                    waitForOverdue(w, done);
                }
            }
        } catch (ExecutionException e) {
            // failures are handled inside each worker; nothing to do here
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (System.nanoTime() > deadline) {
            log.debug("step took longer than the grace period");
        }
    }

    private void waitForOverdue(AccountWorker w, CompletableFuture<Void> marker) {
        Thread.ofVirtual().start(() -> {
            while (w.busy()) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
            overdue.remove(w.id(), marker);
            time.wake();
        });
    }

    // ---- user actions on one account ---------------------------------------------------------

    public CompletableFuture<Account> pause(AccountId id) {
        return changeStatus(id, AccountStatus.PAUSED, "paused by the user");
    }

    public CompletableFuture<Account> resume(AccountId id) {
        return changeStatus(id, AccountStatus.ACTIVE, "resumed by the user");
    }

    private CompletableFuture<Account> changeStatus(AccountId id, AccountStatus status, String why) {
        AccountWorker w = worker(id);
        return w.submit(status + " " + id, () -> {
            Account changed = accounts.setStatus(id, status, why);
            w.update(changed);
            events.publish(new EngineEvent.StatusChanged(id, time.now(), id + " " + why));
            time.wake();
            return changed;
        });
    }

    /**
     * Runs today's cycle now instead of waiting for the window (if the market is open and the
     * cycle has not run today); otherwise syncs and says why not.
     */
    public CompletableFuture<String> runNow(AccountId id) {
        AccountWorker w = worker(id);
        return w.submit("run now " + id, () -> {
            Instant now = time.now();
            LocalDate today = io.alluse.market.calendar.ExchangeCalendar.dateOf(now);
            w.sync();
            if (!schedule.calendar().isOpen(now)) {
                return "The market is closed; " + id + " was synced and its cycle runs in its next window.";
            }
            if (ledgers.forAccount(id).cycle(today).isPresent()) {
                return id + " already has today's cycle (" + ledgers.forAccount(id).cycle(today).get().status() + "); it runs again tomorrow.";
            }
            w.runCycleNow(today);
            return id + ": today's cycle ran now.";
        });
    }

    /** Syncs one account with its broker now (e.g. right after a paper deposit), instead of at the next periodic sync. */
    public CompletableFuture<Void> syncNow(AccountId id) {
        AccountWorker w = worker(id);
        return w.submit("sync " + id, () -> {
            w.sync();
            return null;
        });
    }

    /**
     * Retries an account now instead of at the end of its back-off: a sync whose success makes the
     * account healthy again (and whose failure counts as one more). For when the user fixed the
     * cause, such as unlocking the credential vault.
     */
    public CompletableFuture<Void> retryNow(AccountId id) {
        AccountWorker w = worker(id);
        return w.<Void>submit("retry " + id, () -> {
            w.retryNow();
            return null;
        }).whenComplete((ok, failure) -> time.wake());
    }

    /** Stops trading an account for good: cancels its open orders and keeps its history. */
    public CompletableFuture<Account> close(AccountId id) {
        AccountWorker w = worker(id);
        return w.submit("close " + id, () -> {
            w.cancelOpenOrders();
            Account closed = accounts.setStatus(id, AccountStatus.CLOSED, "closed by the user");
            w.update(closed);
            events.publish(new EngineEvent.StatusChanged(id, time.now(), id + " closed; its history is kept"));
            return closed;
        }).whenComplete((a, e) -> {
            if (e == null) {
                AccountWorker removed = workers.remove(id);
                workerChanges.incrementAndGet();
                if (removed != null) {
                    Thread.ofVirtual().start(removed::close);
                }
            }
        });
    }

    private AccountWorker worker(AccountId id) {
        AccountWorker w = workers.get(id);
        if (w == null) {
            throw new IllegalArgumentException("No running account with id '" + id + "' (closed or unknown).");
        }
        return w;
    }

    // ---- what the UI and the command line show -------------------------------------------

    public List<AccountRuntime> runtime() {
        Instant now = time.now();
        List<AccountRuntime> result = new ArrayList<>();
        for (AccountWorker w : workers.values()) {
            Instant next = w.nextWake(now);
            result.add(new AccountRuntime(w.id(), w.account().status(), w.health(), w.lastError(), w.busy(),
                    next.equals(Instant.MAX) ? Optional.empty() : Optional.of(next)));
        }
        result.sort(Comparator.comparing(r -> r.account().value()));
        return result;
    }

    public Optional<AccountRuntime> runtime(AccountId id) {
        return runtime().stream().filter(r -> r.account().equals(id)).findFirst();
    }

    @Override
    public synchronized void close() {
        running = false;
        time.wake();
        if (driver != null) {
            driver.interrupt();
            try {
                driver.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        // All lanes close at once: each may wait for its running task (up to its own limit), and
        // waiting for them one after another would make closing N accounts take N times as long.
        List<Thread> closing = workers.values().stream().map(w -> Thread.ofVirtual().name("close-" + w.id()).start(w::close)).toList();
        for (Thread t : closing) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        workers.clear();
        workerChanges.incrementAndGet();
    }
}
