package io.alluse.engine;

import io.alluse.broker.BrokerActivity;
import io.alluse.broker.BrokerException;
import io.alluse.broker.paper.PaperBroker;
import io.alluse.domain.Account;
import io.alluse.domain.AccountConfig;
import io.alluse.domain.AccountId;
import io.alluse.domain.AccountStatus;
import io.alluse.domain.AccountValidator;
import io.alluse.domain.BrokerConnection;
import io.alluse.domain.DomainException;
import io.alluse.domain.ExecutionWindow;
import io.alluse.domain.Money;
import io.alluse.domain.NewAccount;
import io.alluse.domain.OptionContract;
import io.alluse.domain.OptionRight;
import io.alluse.domain.SleeveKind;
import io.alluse.domain.fork.ForkDecision;
import io.alluse.domain.fork.ForkMath;
import io.alluse.domain.fork.ForkRecord;
import io.alluse.domain.fork.ForkRules;
import io.alluse.domain.fork.GenAccGrowth;
import io.alluse.domain.fork.Lineage;
import io.alluse.domain.fork.LineageState;
import io.alluse.domain.fork.MergeHandling;
import io.alluse.domain.ledger.AuditKind;
import io.alluse.domain.ledger.LedgerState;
import io.alluse.domain.ledger.OrderRecord;
import io.alluse.domain.ledger.OrderSide;
import io.alluse.domain.ledger.Position;
import io.alluse.domain.ledger.PositionEffect;
import io.alluse.store.AccountLedger;
import io.alluse.store.ForkStore;
import io.alluse.store.LedgerStore;
import io.alluse.market.MarketView;
import io.alluse.strategy.OrderIntent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ALL-USE forking and merging (SPEC section 7; docs/decisions/0017). After a cycle, at each
 * account's cadence: a Gen-Acc grown by the threshold forks its surplus into a new account; a
 * forked account that reached the merge amount merges into its parent's Com-Acc.
 *
 * <p>Money moves at the broker first (paper: withdraw from one paper account, open or deposit into
 * the other), then ONE transaction books it in both ledgers. What makes that safe: the fork record is
 * on disk before any money moves and is unique per parent and epoch; an account's sync and any
 * transfer touching it hold the same lock, so a sync never sees a transfer's broker activity before
 * it is booked; and an unfinished transfer is resumed before the account's first sync after a
 * restart, finding at the broker what had already moved instead of moving it again.
 */
public final class Forking {

    private static final Logger log = LoggerFactory.getLogger(Forking.class);

    /** Where a test can make a fork or merge fail, or kill the process, to prove that a crash there does it once. */
    enum Step {
        AFTER_RECORD, AFTER_WITHDRAWAL, AFTER_CHILD_BROKERAGE,
        AFTER_MERGE_RECORD, AFTER_MERGE_ORDERS, AFTER_MERGE_AMOUNT, AFTER_MERGE_WITHDRAWAL, AFTER_MERGE_DEPOSIT,
        /** A merge by transfer (docs/decisions/0026): its intent is on disk, the brokerage not asked yet. */
        AFTER_TRANSFER_INTENT,
        /** The brokerage moved the positions and cash; neither ledger has booked it yet. */
        AFTER_TRANSFER;

        static final java.util.Set<Step> FORK = java.util.EnumSet.of(AFTER_RECORD, AFTER_WITHDRAWAL, AFTER_CHILD_BROKERAGE);
        /** The steps of a merge by transfer (TRANSFER_AT_MARKET at the paper brokerage, docs/decisions/0026). */
        static final java.util.Set<Step> TRANSFER = java.util.EnumSet.of(AFTER_TRANSFER_INTENT, AFTER_TRANSFER);
    }

    private final AccountService accounts;
    private final ForkStore store;
    private final LedgerStore ledgers;
    private final Brokerages brokerages;
    private final Map<AccountId, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final Map<AccountId, LocalDate> lastCheck = new ConcurrentHashMap<>();
    /** Accounts with a merge under way, read from the records the first time each is asked about. */
    private final Map<AccountId, Boolean> merging = new ConcurrentHashMap<>();
    /** Merging accounts at a real broker already told (once per run) to move their cash by hand. */
    private final java.util.Set<AccountId> toldToMoveCash = ConcurrentHashMap.newKeySet();
    private volatile EngineEvents events = new EngineEvents();
    private volatile Consumer<Account> onAccount = a -> { };
    private volatile Consumer<AccountId> onRetired = a -> { };
    /** Test hook: throw right after this step, once. */
    volatile Step failAfter;
    /** Test hook: told of every step reached (a crash test stops the process there). */
    volatile Consumer<Step> atStep = s -> { };

    public Forking(AccountService accounts, ForkStore store, LedgerStore ledgers, Brokerages brokerages) {
        this.accounts = accounts;
        this.store = store;
        this.ledgers = ledgers;
        this.brokerages = brokerages;
    }

    public ForkStore store() {
        return store;
    }

    /** {@code accountChanged} hears of new accounts and changed ones; {@code retired} of accounts closed by a merge. */
    void attach(EngineEvents engineEvents, Consumer<Account> accountChanged, Consumer<AccountId> retired) {
        this.events = engineEvents;
        this.onAccount = accountChanged;
        this.onRetired = retired;
    }

    // ---- locks --------------------------------------------------------------------------------

    /** Runs {@code work} holding the account's transfer lock: what every sync of it does. */
    void guarded(AccountId id, Runnable work) {
        ReentrantLock lock = locks.computeIfAbsent(id, k -> new ReentrantLock());
        lock.lock();
        try {
            work.run();
        } finally {
            lock.unlock();
        }
    }

    /** Both accounts' locks, always taken in id order so that two transfers can never wait on each other. */
    private <T> T guardedBoth(AccountId a, AccountId b, Supplier<T> work) {
        List<AccountId> order = new ArrayList<>(List.of(a, b));
        order.sort(Comparator.naturalOrder());
        ReentrantLock first = locks.computeIfAbsent(order.get(0), k -> new ReentrantLock());
        ReentrantLock second = locks.computeIfAbsent(order.get(1), k -> new ReentrantLock());
        first.lock();
        try {
            second.lock();
            try {
                return work.get();
            } finally {
                second.unlock();
            }
        } finally {
            first.unlock();
        }
    }

    // ---- what the worker asks -----------------------------------------------------------------

    /** The surplus of forks waiting for their brokerage: kept out of Gen-Acc's trading cash. */
    Money reserved(AccountId id) {
        return store.reserved(id);
    }

    /** An account that waits for its brokerage account has no broker to connect to yet. */
    boolean isWaiting(AccountId id) {
        return store.lineage(id).state() == LineageState.WAITING_FOR_BROKERAGE;
    }

    /**
     * Finishes any fork or merge of this account that a crash or failure left half done. Called before
     * the account's first sync, so that the broker activity of a transfer is booked as the transfer.
     */
    void resume(Account account, Instant now) {
        resume(account, Marks.AT_COST, now);
    }

    /** As {@link #resume(Account, Instant)}, valuing positions a merge by transfer moved with {@code marks}. */
    void resume(Account account, Marks marks, Instant now) {
        store.unfinished(ForkRecord.Kind.FORK, account.id()).ifPresent(r -> {
            log.info("Account {}: resuming fork {} of {}", account.id(), r.epoch(), r.amount());
            guardedBoth(r.parent(), r.parent(), () -> {
                finishFork(r, accounts.get(r.parent()), now);
                return null;
            });
        });
        for (ForkRecord r : store.records(account.id())) {
            if (r.kind() == ForkRecord.Kind.MERGE && r.state() == ForkRecord.State.STARTED) {
                // a transfer the brokerage did before a crash is booked before either account syncs; one it did not is
                // sent after the child's next sync, which books first what fell due meanwhile (docs/decisions/0026)
                Optional<String> transfer = store.transferIntent(r);
                if (transfer.isPresent()) {
                    guardedBoth(r.child(), r.parent(), () -> {
                        if (store.unfinished(ForkRecord.Kind.MERGE, r.child()).isEmpty()) {
                            return null; // booked meanwhile, by the other account's resume
                        }
                        Account child = accounts.get(r.child());
                        Account parent = accounts.get(r.parent());
                        brokerages.findMovedPositions(transfer.get(), child, parent).ifPresent(done -> {
                            log.info("Account {}: booking the transfer {} a restart found done", account.id(), transfer.get());
                            fail(Step.AFTER_TRANSFER);
                            bookTransfer(r, transfer.get(), done, marks, now);
                        });
                        return null;
                    });
                    continue;
                }
            }
            // a merge moves cash only once its child holds nothing else; before that it goes on after the sync
            if (r.kind() == ForkRecord.Kind.MERGE && r.state() == ForkRecord.State.STARTED && ledgers.forAccount(r.child()).state().positions().isEmpty()
                    && ledgers.forAccount(r.child()).openOrders().isEmpty()) {
                log.info("Account {}: resuming the merge of {} into {}", account.id(), r.child(), r.parent());
                guardedBoth(r.child(), r.parent(), () -> {
                    finishMerge(r, now);
                    return null;
                });
            }
        }
    }

    /**
     * After a finished cycle, at the account's cadence: the fork rule for its Gen-Acc, then, for a
     * forked account, the merge rule. Runs on the account's lane, holding no lock yet.
     */
    void afterCycle(Account account, Marks marks, LocalDate day, Instant now) {
        ForkRules rules = store.rules(account.id());
        if (!rules.enabled() || account.status() != AccountStatus.ACTIVE
                || !ForkMath.due(rules.cadence(), Optional.ofNullable(lastCheck.get(account.id())), day)) {
            return;
        }
        lastCheck.put(account.id(), day);
        Lineage lineage = store.lineage(account.id());
        if (lineage.parent().isPresent() && lineage.state() == LineageState.ACTIVE && considerMerge(account, rules, lineage.parent().get(), marks, now)) {
            return;
        }
        considerFork(account, rules, marks, now);
    }

    // ---- fork ---------------------------------------------------------------------------------

    /** What the fork rule sees of the account's Gen-Acc now. */
    GenAccGrowth genAcc(Account account, Marks marks) {
        AccountLedger ledger = ledgers.forAccount(account.id());
        LedgerState state = ledger.state();
        LedgerBook book = new LedgerBook(account.id(), state);
        // a surplus reserved for a fork waiting for its brokerage is spoken for: neither growth nor free
        Money reserved = store.reserved(account.id());
        Money cash = book.cash(SleeveKind.GEN).minus(reserved);
        Money equity = cash.plus(book.positionsValue(SleeveKind.GEN, marks));
        // a surplus released by hand (0032) stayed with the parent as capital: it is not growth to fork again
        Money capital = ledger.capitalIn(SleeveKind.GEN).plus(store.released(account.id()));
        return new GenAccGrowth(equity, capital, cash.minus(committed(state.positions(SleeveKind.GEN), ledger.openOrders())));
    }

    /** Cash Gen-Acc cannot give away: collateral of its short puts and what its open orders may take. */
    private static Money committed(List<Position> positions, List<OrderRecord> openOrders) {
        Money total = Money.ZERO;
        for (Position p : positions) {
            if (p.quantity() < 0 && p.instrument() instanceof OptionContract o && o.right() == OptionRight.PUT) {
                total = total.plus(o.strike().times(OptionContract.MULTIPLIER).times(-p.quantity()));
            }
        }
        for (OrderRecord o : openOrders) {
            if (o.sleeve() != SleeveKind.GEN) {
                continue;
            }
            long remaining = o.quantity() - o.filledQuantity();
            if (o.side() == OrderSide.BUY) {
                total = total.plus(o.limitPrice().times(o.instrument().multiplier()).times(remaining));
            } else if (o.effect() == PositionEffect.OPEN && o.instrument() instanceof OptionContract c && c.right() == OptionRight.PUT) {
                total = total.plus(c.strike().times(OptionContract.MULTIPLIER).times(remaining));
            }
        }
        return total;
    }

    private void considerFork(Account account, ForkRules rules, Marks marks, Instant now) {
        ForkDecision decision = ForkMath.decide(rules, genAcc(account, marks));
        switch (decision) {
            case ForkDecision.NoFork n -> { }
            case ForkDecision.Wait w -> ledgers.forAccount(account.id()).audit(now, AuditKind.FORK, "Gen-Acc has grown " + w.surplus()
                    + ", enough to fork, but only " + w.freeCash() + " of it is free settled cash: positions are never closed to fork,"
                    + " so it forks when they have run off", "");
            case ForkDecision.Fork f -> guardedBoth(account.id(), account.id(), () -> {
                ForkRecord record = store.begin(ForkRecord.Kind.FORK, account.id(), epoch -> childId(account.id(), epoch), f.surplus(), now);
                fail(Step.AFTER_RECORD);
                finishFork(record, account, now);
                return null;
            });
        }
    }

    /** The n-th fork of {@code account-1} is {@code account-1-f<n>}, or the next free plain id when that is too long. */
    private AccountId childId(AccountId parent, int epoch) {
        String id = parent.value() + "-f" + epoch;
        if (AccountId.isValid(id)) {
            return new AccountId(id);
        }
        return new AccountId(AccountValidator.suggestId(new java.util.HashSet<>(accounts.accounts().stream().map(Account::id).toList())));
    }

    private void finishFork(ForkRecord record, Account parent, Instant now) {
        ForkRules rules = store.rules(parent.id());
        NewAccount spec = childSpec(parent, record, rules);
        Optional<PaperBroker> desk = brokerages.paperDesk(parent);
        if (desk.isEmpty()) {
            String instructions = "Open a brokerage account for " + spec.name() + " (" + spec.id() + ") at " + parent.broker().kind().label()
                    + ", transfer " + record.amount() + " into it from " + parent.name() + "'s brokerage account " + parent.broker().externalAccountId()
                    + ", then link it in the account's brokerage step. Until then " + record.amount() + " stays reserved, un-traded, in "
                    + parent.name() + "'s Gen-Acc.";
            Account child = store.completeWaiting(record, spec, new BrokerConnection(parent.broker().kind(), "UNLINKED-" + spec.id().value().toUpperCase(
                    java.util.Locale.ROOT)), instructions, now);
            events.publish(new EngineEvent.Lineage(parent.id(), now, parent.id() + " forked " + child.id() + " with " + record.amount()
                    + ": waiting for its brokerage account. " + instructions));
            return;
        }
        AccountLedger ledger = ledgers.forAccount(parent.id());
        Optional<String> moved = findWithdrawal(desk.get(), ledger, record);
        String withdrawal;
        if (moved.isPresent()) {
            withdrawal = moved.get();
        } else {
            try {
                withdrawal = desk.get().withdraw(record.amount()).id();
            } catch (BrokerException e) {
                store.abandon(record, e.getMessage(), now);
                return;
            }
        }
        fail(Step.AFTER_WITHDRAWAL);
        BrokerConnection connection = brokerages.connectionFor(spec.id());
        Brokerages.OpeningBalance opening = brokerages.open(spec.id(), connection, record.amount());
        fail(Step.AFTER_CHILD_BROKERAGE);
        Account child = store.completeFork(record, withdrawal, spec, connection, opening.activityId(), now);
        store.setRules(child.id(), rules, now);
        log.info("Account {} forked {} with {}", parent.id(), child.id(), record.amount());
        events.publish(new EngineEvent.Lineage(parent.id(), now, parent.id() + ": Gen-Acc surplus of " + record.amount() + " founded " + child.name()
                + " (" + child.id() + "), split " + describe(rules)));
        onAccount.accept(child);
    }

    private NewAccount childSpec(Account parent, ForkRecord record, ForkRules rules) {
        List<ExecutionWindow> taken = accounts.accounts().stream().filter(a -> a.status() != AccountStatus.CLOSED).map(a -> a.config().window()).toList();
        AccountConfig config = parent.config().withTargets(rules.childTargets().get(SleeveKind.GEN), rules.childTargets().get(SleeveKind.REV),
                rules.childTargets().get(SleeveKind.COM)).withWindow(ExecutionWindow.suggest(taken));
        String name = clip(parent.name(), AccountValidator.MAX_NAME_LENGTH - 8) + " fork " + record.epoch();
        return new NewAccount(record.child(), name, record.amount(), config);
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    private static String describe(ForkRules rules) {
        return java.util.Arrays.stream(SleeveKind.values()).map(k -> k.label() + " " + rules.childTargets().get(k))
                .collect(java.util.stream.Collectors.joining(" / "));
    }

    /** The withdrawal a crashed fork made already: after the ledger's cursor, of exactly the amount, not booked. */
    private static Optional<String> findWithdrawal(PaperBroker desk, AccountLedger ledger, ForkRecord record) {
        return find(desk, ledger, record, a -> a instanceof BrokerActivity.Withdrawal w && w.amount().equals(record.amount()));
    }

    private static Optional<String> find(io.alluse.broker.Broker desk, AccountLedger ledger, ForkRecord record, java.util.function.Predicate<BrokerActivity> match) {
        String cursor = ledger.syncState().activityCursor();
        java.util.Set<String> booked = ledger.transferReferences();
        List<BrokerActivity> after = desk.activities(cursor.isEmpty() ? Optional.empty() : Optional.of(cursor), 10_000);
        return after.stream().filter(match).filter(a -> !a.at().isBefore(record.startedAt())).map(BrokerActivity::id)
                .filter(id -> !booked.contains(id)).findFirst();
    }

    // ---- linking a fork that waits for its brokerage (docs/decisions/0020) ----------------------

    /** The fork that founded {@code child} while it waits for its brokerage account, if it does. */
    public Optional<ForkRecord> awaitingLink(AccountId child) {
        return store.awaitingLink(child);
    }

    /**
     * The connection test of the brokerage step when it links a waiting fork: the broker's own check
     * (keys, account status, options approval), then the new account's cash against the amount to
     * transfer. Fails while the cash is short, so that a fork is linked only once its money is there.
     */
    public ConnectionCheck checkLink(AccountId child, BrokerSetup setup) {
        Optional<ForkRecord> pending = store.awaitingLink(child);
        if (pending.isEmpty()) {
            return ConnectionCheck.failed(child + " is not waiting for a brokerage account", "It was linked already, or it was not forked at a real broker.");
        }
        ConnectionCheck check = brokerages.check(child, setup);
        if (!check.ok()) {
            return check;
        }
        Money amount = pending.get().amount();
        Optional<Money> cash;
        try {
            cash = brokerages.cashAt(setup);
        } catch (BrokerException e) {
            return ConnectionCheck.failed("Connection test failed", e.getMessage());
        }
        // the wizard's line about "the initial capital you enter" does not apply: a fork starts with its amount
        List<String> details = new ArrayList<>(check.details().stream().filter(d -> !d.startsWith("The ledger starts")).toList());
        if (cash.isEmpty()) {
            details.addFirst("The new brokerage account is opened with the fork's " + amount + ".");
            return new ConnectionCheck(true, check.summary(), List.copyOf(details));
        }
        String parent = pending.get().parent().value();
        if (cash.get().isLessThan(amount)) {
            details.addFirst("Cash " + cash.get() + " is less than the " + amount + " to transfer: move " + amount.minus(cash.get()) + " more from " + parent
                    + "'s brokerage account into it, then test again.");
            return new ConnectionCheck(false, check.summary(), List.copyOf(details));
        }
        Money extra = cash.get().minus(amount);
        details.addFirst("Cash " + cash.get() + " covers the " + amount + " to transfer from " + parent
                + (extra.isZero() ? "." : "; the other " + extra + " is booked as a deposit on the first sync."));
        return new ConnectionCheck(true, check.summary(), List.copyOf(details));
    }

    /**
     * Links a fork that waited for its brokerage account: the keys go to the vault (as for a new
     * account), then ONE transaction founds the child's money, turns it ACTIVE and books the parent's
     * side (docs/decisions/0020). Exactly once: a second call, also after a restart, is refused.
     * The engine starts managing the child at once. Throws with a message saying what to do if the
     * account does not wait, its broker refuses, or its cash is short; nothing changes then.
     */
    public Account link(AccountId child, BrokerSetup setup, Instant now) {
        ForkRecord first = store.awaitingLink(child).orElseThrow(() -> new DomainException(child
                + " is not waiting for its brokerage account: it was linked already, or it was not forked at a real broker."));
        Account linked = guardedBoth(first.parent(), child, () -> {
            // under both locks: the parent's sync cannot book the transfer out meanwhile
            ForkRecord pending = store.awaitingLink(child).orElseThrow(() -> new DomainException(child + " was linked meanwhile."));
            Optional<Money> cash = brokerages.cashAt(setup);
            if (cash.isPresent() && cash.get().isLessThan(pending.amount())) {
                throw new DomainException("The new brokerage account holds " + cash.get() + ", less than the " + pending.amount()
                        + " to transfer: move the rest from " + pending.parent() + "'s brokerage account first.");
            }
            Brokerages.Opened opened = brokerages.open(child, setup, pending.amount());
            Optional<String> out = pending.state() == ForkRecord.State.WAITING ? findTransferOut(accounts.get(pending.parent()), pending) : Optional.empty();
            return store.link(pending, opened.connection(), opened.opening().activityId(), out, now);
        });
        log.info("Account {} linked to {} {}", child, linked.broker().kind(), linked.broker().externalAccountId());
        events.publish(new EngineEvent.Lineage(child, now, child + " is linked to " + linked.broker().kind().label() + " account "
                + linked.broker().externalAccountId() + " and managed from now on"));
        onAccount.accept(linked);
        return linked;
    }

    /**
     * Why {@code child}'s reservation cannot be released by hand, if it cannot: only a LINKED fork (the
     * child has its brokerage account, the parent's transfer out was never seen) holds one that the user
     * may end (docs/decisions/0032).
     */
    public Optional<String> releaseRefusal(AccountId child) {
        Optional<ForkRecord> founding = store.founding(child);
        if (founding.isEmpty()) {
            return Optional.of(child + " was not founded by a fork: there is no reservation to release.");
        }
        ForkRecord r = founding.get();
        return switch (r.state()) {
            case LINKED -> Optional.empty();
            case WAITING -> Optional.of(child + " still waits for its brokerage account: link it first. Its " + r.amount() + " stays reserved in "
                    + r.parent() + " until the transfer out of " + r.parent() + "'s brokerage account shows up or, once linked, you release it.");
            case TRANSFERRED -> Optional.of("The " + r.amount() + " for " + child + " left " + r.parent() + " already: nothing is reserved. Link "
                    + child + " to its brokerage account.");
            case DONE -> Optional.of("The fork of " + child + " is complete: its " + r.amount() + " left " + r.parent() + ", nothing is reserved.");
            case RELEASED -> Optional.of(r.parent() + "'s reservation for " + child + " was released already.");
            case STARTED, ABANDONED -> Optional.of("The fork of " + child + " did not found an account that holds a reservation.");
        };
    }

    /**
     * Releases by hand the reservation of a LINKED fork that the user funded from elsewhere
     * (docs/decisions/0032): the {@code amount} reserved in the parent's Gen-Acc becomes deployable at its
     * next cycle and counts as its capital for the fork rule. Nothing is sent to any broker; both audit
     * logs and an engine event say what happened. Throws with the reason (and changes nothing) when the
     * fork holds no reservation to release.
     */
    public ForkRecord release(AccountId child, Instant now) {
        releaseRefusal(child).ifPresent(why -> {
            throw new DomainException(why);
        });
        ForkRecord found = store.founding(child).orElseThrow();
        ForkRecord released = guardedBoth(found.parent(), child, () -> {
            // under both locks: the parent's sync cannot claim the transfer out meanwhile
            ForkRecord linked = store.founding(child).filter(r -> r.state() == ForkRecord.State.LINKED)
                    .orElseThrow(() -> new DomainException(releaseRefusal(child).orElse(child + "'s reservation changed meanwhile.")));
            return store.release(linked, now);
        });
        log.info("Account {}: reservation of {} for fork {} ({}) released by hand", released.parent(), released.amount(), released.epoch(), child);
        events.publish(new EngineEvent.Lineage(released.parent(), now, released.parent() + ": the " + released.amount() + " reserved for "
                + child + " is released (funded from elsewhere) and deployable again; nothing was sent to any broker"));
        return released;
    }

    /** The user's transfer of a waiting fork's amount out of the parent's brokerage account, if the broker shows it unbooked. */
    private Optional<String> findTransferOut(Account parent, ForkRecord record) {
        try {
            io.alluse.broker.Broker broker = brokerages.paperDesk(parent).map(d -> (io.alluse.broker.Broker) d).orElseGet(() -> brokerages.connect(parent));
            return find(broker, ledgers.forAccount(parent.id()), record, a -> a instanceof BrokerActivity.Withdrawal w && w.amount().equals(record.amount()));
        } catch (BrokerException e) {
            // the parent's sync books it when it sees it: the surplus stays reserved until then
            log.warn("Account {}: could not look for the transfer out of fork {}: {}", parent.id(), record.epoch(), e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * In the parent's sync (holding its lock), before its activities are booked: a withdrawal of
     * exactly a waiting fork's amount is the user's transfer to the fork's brokerage account. It is
     * booked as that fork's FORK_OUT, which ends the reservation, and never as an external withdrawal.
     */
    void claimTransfersOut(AccountId parent, List<BrokerActivity> activities, Instant now) {
        if (activities.stream().noneMatch(a -> a instanceof BrokerActivity.Withdrawal)) {
            return;
        }
        List<ForkRecord> open = new ArrayList<>(store.awaitingTransferOut(parent));
        if (open.isEmpty()) {
            return;
        }
        java.util.Set<String> booked = ledgers.forAccount(parent).transferReferences();
        for (BrokerActivity a : activities) {
            if (a instanceof BrokerActivity.Withdrawal w && !booked.contains(w.id())) {
                Optional<ForkRecord> match = open.stream().filter(r -> r.amount().equals(w.amount()) && !w.at().isBefore(r.startedAt())).findFirst();
                if (match.isPresent() && store.transferredOut(match.get(), w.id(), now)) {
                    open.remove(match.get());
                    events.publish(new EngineEvent.Lineage(parent, now, parent + ": the " + w.amount() + " transferred out is fork "
                            + match.get().epoch() + "'s, for " + match.get().child() + "; no longer reserved"));
                }
            }
        }
    }

    // ---- merge --------------------------------------------------------------------------------

    /** True if the account is due to merge: the merge is recorded and goes on at the account's next syncs. */
    private boolean considerMerge(Account child, ForkRules rules, AccountId parent, Marks marks, Instant now) {
        AccountLedger ledger = ledgers.forAccount(child.id());
        LedgerState state = ledger.state();
        Money total = new LedgerBook(child.id(), state).equity(marks).total();
        if (!ForkMath.shouldMerge(rules, total) || !total.isPositive()) {
            return false;
        }
        boolean holdsPositions = !state.positions().isEmpty() || !ledger.openOrders().isEmpty();
        String how = holdsPositions ? handling(rules, child, accounts.get(parent)).describe(state.positions().size()) : "it holds only cash, which moves now";
        store.beginMerge(parent, child.id(), total, how, now);
        merging.put(child.id(), Boolean.TRUE);
        fail(Step.AFTER_MERGE_RECORD);
        // a merging account opens nothing new: its cycles are skipped until it is closed
        Account paused = accounts.setStatus(child.id(), AccountStatus.PAUSED, "merging into " + parent + " at " + total.formatWhole());
        onAccount.accept(paused);
        events.publish(new EngineEvent.Lineage(child.id(), now, child.id() + " reached " + total.formatWhole() + " and merges into " + parent
                + "'s Com-Acc: " + how));
        return true;
    }

    /**
     * How a merging account's positions are handled: moved as they are where the setting asks for it and the
     * brokerage can (both accounts at the built-in paper brokerage, docs/decisions/0026); otherwise closed at
     * the market, and the audit line says why when a transfer was asked for.
     */
    private MergeHandling handling(ForkRules rules, Account child, Account parent) {
        return MergeHandling.of(rules.mergeMode(), brokerages.movesPositions(child, parent));
    }

    /** Is a merge of this account under way (it then closes or moves its positions, then its cash, at its syncs)? */
    boolean isMerging(AccountId id) {
        return merging.computeIfAbsent(id, k -> store.unfinished(ForkRecord.Kind.MERGE, k).isPresent());
    }

    /**
     * The next step of this account's merge, after a sync booked what the broker did: while it holds
     * positions, the closing orders still to send (the worker stores and sends them as it does cycle
     * orders; only while the market is open); once it holds only cash, the cash moves and the account
     * is closed.
     */
    List<OrderIntent> continueMerge(Account child, MarketView market, Instant now) {
        Optional<ForkRecord> open = store.unfinished(ForkRecord.Kind.MERGE, child.id());
        if (open.isEmpty()) {
            merging.put(child.id(), Boolean.FALSE);
            return List.of();
        }
        ForkRecord record = open.get();
        if (child.status() == AccountStatus.ACTIVE) {
            // recorded, then stopped before the account was paused: it opens nothing new from here on either
            onAccount.accept(accounts.setStatus(child.id(), AccountStatus.PAUSED, "merging into " + record.parent()));
        }
        AccountLedger ledger = ledgers.forAccount(child.id());
        LedgerState state = ledger.state();
        List<OrderRecord> openOrders = ledger.openOrders();
        Account parent = accounts.get(record.parent());
        Optional<String> intent = store.transferIntent(record);
        boolean transfer = intent.isPresent() || (!state.positions().isEmpty()
                && handling(store.rules(child.id()), child, parent) == MergeHandling.TRANSFER);
        if (transfer) {
            if (openOrders.isEmpty()) {
                guardedBoth(record.child(), record.parent(), () -> {
                    transferMerge(record, Marks.of(market), now);
                    return null;
                });
            }
            // day orders placed before the merge began end at the close at the latest; then everything moves
            return List.of();
        }
        if (state.positions().isEmpty() && openOrders.isEmpty()) {
            guardedBoth(record.child(), record.parent(), () -> {
                finishMerge(record, now);
                return null;
            });
            return List.of();
        }
        if (!market.calendar().isOpen(now)) {
            return List.of();
        }
        Instant since = record.startedAt().minus(java.time.Duration.ofDays(1));
        List<OrderRecord> earlier = ledger.ordersSince(since).stream().filter(o -> MergeOrders.CYCLE.equals(o.cycle())).toList();
        return MergeOrders.closing(child.id(), state.positions(), openOrders, earlier, market, record.parent().value());
    }

    /**
     * A merge by transfer (docs/decisions/0026), holding both accounts' locks: the intent on disk first, then
     * the brokerage moves every position and the cash in one step under the intent's id (once, however often
     * asked), then ONE transaction books it in both ledgers. Waits (does nothing) while the child's books and its
     * brokerage account disagree on what is held: the next sync books the difference first.
     */
    private void transferMerge(ForkRecord record, Marks marks, Instant now) {
        Account child = accounts.get(record.child());
        Account parent = accounts.get(record.parent());
        Optional<String> recorded = store.transferIntent(record);
        if (recorded.isEmpty()) {
            Optional<PaperBroker> desk = brokerages.paperDesk(child);
            Map<String, Long> held = MergeTransferBooking.byInstrument(ledgers.forAccount(child.id()).state().positions());
            if (desk.isPresent() && !held.equals(brokerHolds(desk.get()))) {
                log.info("Account {}: its books and its paper account differ on what is held; the transfer waits for the next sync", child.id());
                return;
            }
        }
        String transferId = recorded.orElseGet(() -> store.recordTransferIntent(record, now));
        fail(Step.AFTER_TRANSFER_INTENT);
        io.alluse.broker.paper.PaperTransfer done;
        try {
            done = brokerages.movePositions(transferId, child, parent);
        } catch (BrokerException e) {
            // retried at the next sync under the same id: the brokerage moves it once
            log.warn("Account {}: the transfer into {} failed, retried at the next sync: {}", child.id(), parent.id(), e.getMessage());
            ledgers.forAccount(child.id()).audit(now, AuditKind.MERGE, "Transfer into " + parent.id() + " refused by the brokerage: " + e.getMessage()
                    + "; retried at the next sync", "transfer " + transferId);
            return;
        }
        fail(Step.AFTER_TRANSFER);
        bookTransfer(record, transferId, done, marks, now);
    }

    private static Map<String, Long> brokerHolds(PaperBroker desk) {
        Map<String, Long> q = new java.util.TreeMap<>();
        for (io.alluse.broker.BrokerPosition p : desk.positions()) {
            q.merge(p.instrument().code(), p.quantity(), Long::sum);
        }
        q.values().removeIf(v -> v == 0);
        return q;
    }

    /** Books a transfer the brokerage did, in both ledgers in one transaction; closes the child. */
    private void bookTransfer(ForkRecord record, String transferId, io.alluse.broker.paper.PaperTransfer done, Marks marks, Instant now) {
        AccountLedger childLedger = ledgers.forAccount(record.child());
        LedgerState books = childLedger.state();
        Map<String, Long> arrived = new java.util.TreeMap<>();
        done.positionsIn().forEach(p -> arrived.merge(p.instrument().code(), p.quantity(), Long::sum));
        if (!arrived.equals(MergeTransferBooking.byInstrument(books.positions()))) {
            // only if the brokerage settled something between the check and the transfer: booked as the books hold it, and said
            log.warn("Account {}: the transfer {} moved {} but the books held {}", record.child(), transferId, arrived,
                    MergeTransferBooking.byInstrument(books.positions()));
            childLedger.audit(now, AuditKind.MERGE, "The transfer " + transferId + " moved " + arrived + " while the books held "
                    + MergeTransferBooking.byInstrument(books.positions()) + ": check " + record.parent() + "'s positions", "");
        }
        MergeTransferBooking booking = MergeTransferBooking.of(record.child(), record.parent(), books, childLedger.entries(), marks, done,
                done.in().isEmpty() ? now : done.in().getFirst().at());
        store.completeTransferMerge(record, transferId, booking.child(), booking.parent(), booking.moved(), booking.total(), now);
        merging.put(record.child(), Boolean.FALSE);
        lastSnapshot(childLedger, record.child(), now);
        log.info("Account {} merged into {} by transfer: {} at market", record.child(), record.parent(), booking.total());
        events.publish(new EngineEvent.Lineage(record.child(), now, record.child() + " merged into " + record.parent() + " by transfer: "
                + booking.moved().size() + " position(s) with their cost basis and opening days, and its cash, " + booking.total()
                + " at market; it is closed"));
        onRetired.accept(record.child());
    }

    /** Moves a merging account's cash once it holds nothing else, and books it in both ledgers in one transaction. */
    private void finishMerge(ForkRecord started, Instant now) {
        Account child = accounts.get(started.child());
        Account parent = accounts.get(started.parent());
        Optional<PaperBroker> childDesk = brokerages.paperDesk(child);
        Optional<PaperBroker> parentDesk = brokerages.paperDesk(parent);
        AccountLedger childLedger = ledgers.forAccount(child.id());
        AccountLedger parentLedger = ledgers.forAccount(parent.id());
        if (childDesk.isEmpty() || parentDesk.isEmpty()) {
            if (toldToMoveCash.add(child.id())) {
                childLedger.audit(now, AuditKind.MERGE, "Merge into " + parent.id() + ": its positions are closed; move the cash to " + parent.id()
                        + "'s brokerage account, then close this account", "");
            }
            return;
        }
        Map<SleeveKind, Money> cash = new EnumMap<>(childLedger.state().cash());
        Money total = cash.values().stream().reduce(Money.ZERO, Money::plus);
        if (!total.isPositive()) {
            log.warn("Account {}: merge into {} finds no cash to move ({}); left for the user", child.id(), parent.id(), total);
            return;
        }
        // on disk before the cash moves: a resumed merge looks for exactly this amount at the broker
        ForkRecord record = store.settleMergeAmount(started, total);
        fail(Step.AFTER_MERGE_AMOUNT);
        String withdrawal = findWithdrawal(childDesk.get(), childLedger, record).orElseGet(() -> childDesk.get().withdraw(record.amount()).id());
        fail(Step.AFTER_MERGE_WITHDRAWAL);
        String deposit = find(parentDesk.get(), parentLedger, record, a -> a instanceof BrokerActivity.Deposit d && d.amount().equals(record.amount()))
                .orElseGet(() -> parentDesk.get().deposit(record.amount()).id());
        fail(Step.AFTER_MERGE_DEPOSIT);
        store.completeMerge(record, cash, withdrawal, deposit, now);
        merging.put(child.id(), Boolean.FALSE);
        lastSnapshot(childLedger, child.id(), now);
        log.info("Account {} merged into {} with {}", child.id(), parent.id(), record.amount());
        events.publish(new EngineEvent.Lineage(child.id(), now, child.id() + " merged into " + parent.id() + "'s Com-Acc with " + record.amount()
                + "; it is closed"));
        onRetired.accept(child.id());
    }

    /**
     * The merged account's last snapshot, on the merge day: nothing left, the merge as its flow. Its
     * worker stops now and would not write one; with it the day's return counts and, in the aggregate,
     * its outflow and the parent's inflow net out on the same day.
     */
    private static void lastSnapshot(AccountLedger ledger, AccountId id, Instant now) {
        LocalDate day = io.alluse.market.calendar.ExchangeCalendar.dateOf(now);
        Map<SleeveKind, Money> flows = ledger.flowsBetween(day.atStartOfDay(io.alluse.market.calendar.ExchangeCalendar.NEW_YORK).toInstant(),
                day.plusDays(1).atStartOfDay(io.alluse.market.calendar.ExchangeCalendar.NEW_YORK).toInstant());
        List<io.alluse.domain.ledger.EquitySnapshot> last = new ArrayList<>();
        for (SleeveKind kind : SleeveKind.values()) {
            last.add(new io.alluse.domain.ledger.EquitySnapshot(id, kind, day, Money.ZERO, Money.ZERO, Money.ZERO, flows.get(kind)));
        }
        ledger.writeSnapshots(last);
    }

    void fail(Step step) {
        atStep.accept(step);
        if (failAfter == step) {
            failAfter = null;
            throw new IllegalStateException("injected failure after " + step);
        }
    }
}
