package io.alluse.engine;

import io.alluse.broker.BrokerActivity;
import io.alluse.broker.paper.PaperBroker;
import io.alluse.domain.Account;
import io.alluse.domain.AccountId;
import io.alluse.domain.AccountStatus;
import io.alluse.domain.Money;
import io.alluse.domain.fork.ForkRules;
import io.alluse.domain.fork.Lineage;
import io.alluse.domain.fork.LineageState;
import io.alluse.store.SettingsRepository;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * The process {@link ForkCrashTest} kills: the real engine with forking on over the H2 file and the
 * persistent paper brokerage of one data folder, its simulated clock resumed from where the last run
 * got to, run at full speed until {@code end}.
 *
 * <p>Arguments: data folder, end instant, and a {@link Forking.Step} to stop at (or {@code -}): on
 * reaching it the process prints {@code AT <step>} and waits to be killed.
 *
 * <p>What it does to make forks and merges frequent (all of it idempotent, so that a kill anywhere
 * leaves nothing half done that the next run would repeat): each parent forks at $100 of Gen-Acc
 * growth, checked daily; a parent's first fork gets a deposit at its brokerage so that it trades,
 * and once it holds positions its merge amount drops to $1 (a merge that closes positions); a
 * parent's second fork merges at once (a cash-only merge); forks themselves never fork.
 */
public final class ForkCrashChild {

    static final long SEED = ForkingEngineTest.SEED;
    static final String CLOCK = "crash.clock";
    static final Money TOP_UP = Money.ofDollars(150_000);
    static final ForkRules PARENT_RULES = ForkRules.defaults().withForkThreshold(Money.ofDollars(100)).withCadence(ForkRules.Cadence.DAILY);
    static final Money NEVER = Money.ofDollars(1_000_000_000);

    private ForkCrashChild() {
    }

    /** Creates the parents in a new data folder (in the test's own process, before any kill). */
    static void setUp(Path data, int parents) {
        try (EngineFixture f = new EngineFixture(data, SEED)) {
            Forking forking = f.enableForking();
            for (int i = 0; i < parents; i++) {
                Account a = ForkingEngineTest.createParent(f);
                forking.store().setRules(a.id(), PARENT_RULES, f.clock.now());
            }
            new SettingsRepository(f.database).put(CLOCK, f.clock.now().toString());
        }
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        Instant end = Instant.parse(args[1]);
        Optional<Forking.Step> pauseAt = args[2].equals("-") ? Optional.empty() : Optional.of(Forking.Step.valueOf(args[2]));
        Instant start;
        try (io.alluse.store.Database db = io.alluse.store.Database.open(data)) {
            start = new SettingsRepository(db).get(CLOCK).map(Instant::parse).orElseThrow();
        }
        try (EngineFixture f = new EngineFixture(data, SEED, start, EngineSettings.DEFAULT)) {
            SettingsRepository settings = new SettingsRepository(f.database);
            Forking forking = f.enableForking();
            pauseAt.ifPresent(step -> forking.atStep = reached -> {
                if (reached == step) {
                    System.out.println("AT " + reached);
                    System.out.flush();
                    try {
                        Thread.sleep(Long.MAX_VALUE);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
            f.engine.onStep(now -> {
                settings.put(CLOCK, now.toString());
                steer(f, forking, now);
            });
            f.engine.load();
            f.engine.runUntil(end);
            System.out.println("DONE " + f.clock.now());
            System.out.flush();
        }
        System.exit(0);
    }

    /** Between engine steps: top-ups and merge amounts for the forks, each done once whatever the kills. */
    private static void steer(EngineFixture f, Forking forking, Instant now) {
        for (Lineage l : forking.store().lineages()) {
            if (l.parent().isEmpty() || l.state() != LineageState.ACTIVE) {
                continue;
            }
            AccountId id = l.account();
            Account child = f.accounts.get(id);
            if (child.status() != AccountStatus.ACTIVE) {
                continue;
            }
            ForkRules rules = forking.store().rules(id);
            ForkRules wanted = rules.withForkThreshold(NEVER);
            if (id.value().endsWith("-f1")) {
                PaperBroker desk = f.paper.open(child.broker().externalAccountId());
                long deposits = desk.activities(Optional.empty(), 100_000).stream().filter(a -> a instanceof BrokerActivity.Deposit).count();
                if (deposits == 1) {
                    desk.deposit(TOP_UP);
                }
                if (!f.ledgers.forAccount(id).state().positions().isEmpty()) {
                    wanted = wanted.withMergeAt(Money.ofDollars(1));
                }
            } else if (id.value().endsWith("-f2")) {
                wanted = wanted.withMergeAt(Money.ofDollars(1));
            }
            if (!wanted.equals(rules)) {
                forking.store().setRules(id, wanted, now);
            }
        }
    }
}
