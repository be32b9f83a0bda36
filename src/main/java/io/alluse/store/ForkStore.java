package io.alluse.store;

import io.alluse.domain.Account;
import io.alluse.domain.AccountId;
import io.alluse.domain.AccountStatus;
import io.alluse.domain.BrokerConnection;
import io.alluse.domain.Money;
import io.alluse.domain.NewAccount;
import io.alluse.domain.Percent;
import io.alluse.domain.SleeveKind;
import io.alluse.domain.fork.ForkRecord;
import io.alluse.domain.fork.ForkRules;
import io.alluse.domain.fork.Lineage;
import io.alluse.domain.fork.LineageState;
import io.alluse.domain.ledger.AuditKind;
import io.alluse.domain.ledger.EntryKind;
import io.alluse.domain.ledger.NewEntry;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import org.hibernate.Session;

/**
 * Forks and merges: each account's rules, its lineage, and the record that makes every fork and
 * merge happen once. A fork or merge is booked in ONE root-tenant transaction that writes both
 * accounts' ledgers and audit logs (the only place, with portfolio reads, that crosses accounts;
 * see docs/decisions/0003 and 0017).
 */
public final class ForkStore {

    private final Database db;

    public ForkStore(Database db) {
        this.db = db;
    }

    // ---- rules --------------------------------------------------------------------------------

    public ForkRules rules(AccountId id) {
        return db.portfolioTransaction(s -> Optional.ofNullable(s.find(ForkRuleEntity.class, id.value())).map(ForkStore::toRules)
                .orElse(ForkRules.defaults()));
    }

    /** Stores an account's rules with an audit line in its log. */
    public void setRules(AccountId id, ForkRules rules, Instant now) {
        db.portfolioTransaction(s -> {
            ForkRuleEntity e = s.find(ForkRuleEntity.class, id.value());
            boolean isNew = e == null;
            if (isNew) {
                e = new ForkRuleEntity();
                e.accountId = id.value();
            }
            e.enabled = rules.enabled();
            e.thresholdCents = rules.forkThreshold().cents();
            e.genBp = rules.childTargets().get(SleeveKind.GEN).basisPoints();
            e.revBp = rules.childTargets().get(SleeveKind.REV).basisPoints();
            e.comBp = rules.childTargets().get(SleeveKind.COM).basisPoints();
            e.mergeAtCents = rules.mergeAt().cents();
            e.cadence = rules.cadence().name();
            e.mergeMode = rules.mergeMode().name();
            if (isNew) {
                s.persist(e);
            }
            AuditLog.append(s, id, now, AuditKind.CONFIG_CHANGED, "Fork rules: " + (rules.enabled() ? "fork at " + rules.forkThreshold().formatWhole()
                    + " Gen-Acc growth, merge at " + rules.mergeAt().formatWhole() + ", checked " + rules.cadence().name().toLowerCase(java.util.Locale.ROOT)
                    : "off"), rules.toString());
            return null;
        });
    }

    private static ForkRules toRules(ForkRuleEntity e) {
        return new ForkRules(e.enabled, Money.ofCents(e.thresholdCents), Map.of(SleeveKind.GEN, Percent.ofBasisPoints(e.genBp),
                SleeveKind.REV, Percent.ofBasisPoints(e.revBp), SleeveKind.COM, Percent.ofBasisPoints(e.comBp)), Money.ofCents(e.mergeAtCents),
                ForkRules.Cadence.valueOf(e.cadence), ForkRules.MergeMode.valueOf(e.mergeMode));
    }

    // ---- lineage ------------------------------------------------------------------------------

    public Lineage lineage(AccountId id) {
        return db.portfolioTransaction(s -> lineage(s, id));
    }

    /** Every account that was forked, by id (accounts not in it were founded by hand). */
    public List<Lineage> lineages() {
        return db.portfolioTransaction(s -> s.createSelectionQuery("from AccountLineage order by accountId", AccountLineageEntity.class).getResultList()
                .stream().map(e -> toLineage(s, e)).toList());
    }

    /** Every lineage and every fork and merge record, in one transaction: what the views show. */
    public io.alluse.domain.fork.LineageBook book() {
        return db.portfolioTransaction(s -> {
            Map<AccountId, Lineage> lineages = new java.util.HashMap<>();
            for (AccountLineageEntity e : s.createSelectionQuery("from AccountLineage", AccountLineageEntity.class).getResultList()) {
                lineages.put(new AccountId(e.accountId), toLineage(s, e));
            }
            List<ForkRecord> records = s.createSelectionQuery("from ForkEvent order by startedAt, id", ForkEventEntity.class).getResultList()
                    .stream().map(ForkStore::toRecord).toList();
            return new io.alluse.domain.fork.LineageBook(lineages, records);
        });
    }

    /** The accounts forked from {@code parent}, oldest first. */
    public List<AccountId> forksOf(AccountId parent) {
        return db.portfolioTransaction(s -> s.createSelectionQuery("select accountId from AccountLineage where parentId = :p order by forkedAt",
                String.class).setParameter("p", parent.value()).getResultList().stream().map(AccountId::new).toList());
    }

    private static Lineage lineage(Session s, AccountId id) {
        AccountLineageEntity e = s.find(AccountLineageEntity.class, id.value());
        return e == null ? Lineage.root(id).withReserved(reserved(s, id)) : toLineage(s, e);
    }

    private static Lineage toLineage(Session s, AccountLineageEntity e) {
        return new Lineage(new AccountId(e.accountId), Optional.ofNullable(e.parentId).map(AccountId::new), Optional.ofNullable(e.forkedAt),
                Optional.ofNullable(e.mergedInto).map(AccountId::new), Optional.ofNullable(e.mergedAt), LineageState.valueOf(e.state),
                reserved(s, new AccountId(e.accountId)), e.instructions);
    }

    /** Surplus held back, un-traded, in {@code parent} for forks waiting for their brokerage account. */
    public Money reserved(AccountId parent) {
        return db.portfolioTransaction(s -> reserved(s, parent));
    }

    private static Money reserved(Session s, AccountId parent) {
        // LINKED: the child has its brokerage, but the money has not been seen leaving the parent's yet
        return Money.ofCents(s.createSelectionQuery("select coalesce(sum(amountCents), 0) from ForkEvent where parentId = :p and kind = 'FORK'"
                + " and state in ('WAITING', 'LINKED')", Long.class).setParameter("p", parent.value()).getSingleResult());
    }

    // ---- fork and merge records ---------------------------------------------------------------

    /** Every fork and merge the account took part in (as parent or child), oldest first. */
    public List<ForkRecord> records(AccountId id) {
        return db.portfolioTransaction(s -> s.createSelectionQuery("from ForkEvent where parentId = :a or childId = :a order by startedAt, id",
                ForkEventEntity.class).setParameter("a", id.value()).getResultList().stream().map(ForkStore::toRecord).toList());
    }

    /** A fork of {@code parent} (or a merge of {@code child}) that was started and not finished: resumed before anything else. */
    public Optional<ForkRecord> unfinished(ForkRecord.Kind kind, AccountId account) {
        String by = kind == ForkRecord.Kind.FORK ? "parentId" : "childId";
        return db.portfolioTransaction(s -> s.createSelectionQuery("from ForkEvent where kind = :k and " + by + " = :a and state = 'STARTED'"
                        + " order by epoch", ForkEventEntity.class).setParameter("k", kind.name()).setParameter("a", account.value())
                .setMaxResults(1).uniqueResultOptional().map(ForkStore::toRecord));
    }

    /**
     * Records the next fork (or merge) of {@code parent} before any money moves, durably: epoch n is
     * the parent's n-th, and (parent, kind, epoch) is unique, so two writers cannot both start it.
     * Returns the unfinished one instead if there is one (for a merge: of the same child, whose id
     * {@code childForEpoch} gives whatever the epoch).
     */
    public ForkRecord begin(ForkRecord.Kind kind, AccountId parent, IntFunction<AccountId> childForEpoch, Money amount, Instant now) {
        ForkRecord record = db.portfolioTransaction(s -> {
            // a parent has one fork under way at a time; a merge is under way per merging child
            String by = kind == ForkRecord.Kind.FORK ? "parentId" : "childId";
            String who = kind == ForkRecord.Kind.FORK ? parent.value() : childForEpoch.apply(1).value();
            Optional<ForkEventEntity> open = s.createSelectionQuery("from ForkEvent where kind = :k and " + by + " = :p and state = 'STARTED'",
                    ForkEventEntity.class).setParameter("k", kind.name()).setParameter("p", who).setMaxResults(1).uniqueResultOptional();
            if (open.isPresent()) {
                return toRecord(open.get());
            }
            Integer last = s.createSelectionQuery("select max(epoch) from ForkEvent where kind = :k and parentId = :p", Integer.class)
                    .setParameter("k", kind.name()).setParameter("p", parent.value()).getSingleResult();
            ForkEventEntity e = new ForkEventEntity();
            e.kind = kind.name();
            e.parentId = parent.value();
            e.epoch = last == null ? 1 : last + 1;
            e.childId = childForEpoch.apply(e.epoch).value();
            e.amountCents = amount.cents();
            e.state = ForkRecord.State.STARTED.name();
            e.startedAt = now;
            s.persist(e);
            s.flush();
            return toRecord(e);
        });
        // on disk before money moves at the broker: a crash after this resumes the same record
        db.makeDurable();
        return record;
    }

    /**
     * Records that {@code child} merges into {@code parent} (durably, before anything is closed, moved or
     * sent), with a line in both accounts' logs saying how its positions are handled. Returns the merge
     * already under way for the child instead, if there is one, and writes nothing then.
     */
    public ForkRecord beginMerge(AccountId parent, AccountId child, Money total, String how, Instant now) {
        Optional<ForkRecord> open = unfinished(ForkRecord.Kind.MERGE, child);
        if (open.isPresent()) {
            return open.get();
        }
        ForkRecord record = begin(ForkRecord.Kind.MERGE, parent, epoch -> child, total, now);
        db.portfolioTransaction(s -> {
            ForkEventEntity e = s.find(ForkEventEntity.class, record.id());
            // the lines are written once: by the call that created the record (a resumed one finds them)
            long lines = s.createSelectionQuery("select count(*) from AuditEvent where accountId = :a and kind = 'MERGE' and detail = :d", Long.class)
                    .setParameter("a", child.value()).setParameter("d", mergeTag(record)).getSingleResult();
            if (e != null && lines == 0) {
                AuditLog.append(s, child, now, AuditKind.MERGE, "Merge into " + parent + "'s Com-Acc started at a total of " + total.formatWhole() + ": "
                        + how, mergeTag(record));
                AuditLog.append(s, parent, now, AuditKind.MERGE, child + " reached " + total.formatWhole() + " and merges into Com-Acc: " + how,
                        mergeTag(record));
            }
            return null;
        });
        return record;
    }

    private static String mergeTag(ForkRecord record) {
        return "merge record " + record.id();
    }

    /**
     * Sets the amount a merge moves to the cash its child holds once its positions are gone (at the start
     * it is the child's total at market), durably and before that cash moves: a resumed merge then looks
     * for exactly this amount at the broker. Returns the record as it now is.
     */
    public ForkRecord settleMergeAmount(ForkRecord record, Money cash) {
        if (record.amount().equals(cash)) {
            return record;
        }
        if (!cash.isPositive()) {
            throw new StoreException("Merge of " + record.child() + ": nothing to move (its cash is " + cash + ").");
        }
        ForkRecord updated = db.portfolioTransaction(s -> {
            ForkEventEntity e = started(s, record);
            if (e == null) {
                throw new StoreException("Merge of " + record.child() + " is no longer under way.");
            }
            e.amountCents = cash.cents();
            s.flush();
            return toRecord(e);
        });
        db.makeDurable();
        return updated;
    }

    /** Gives up an unfinished fork or merge that moved no money (the broker refused), with a line in the parent's log. */
    public void abandon(ForkRecord record, String why, Instant now) {
        db.portfolioTransaction(s -> {
            ForkEventEntity e = s.find(ForkEventEntity.class, record.id());
            if (e != null && ForkRecord.State.STARTED.name().equals(e.state)) {
                e.state = ForkRecord.State.ABANDONED.name();
                e.finishedAt = now;
                AuditLog.append(s, record.parent(), now, record.kind() == ForkRecord.Kind.FORK ? AuditKind.FORK : AuditKind.MERGE,
                        (record.kind() == ForkRecord.Kind.FORK ? "Fork " : "Merge ") + "of " + record.amount() + " abandoned: " + why, "epoch " + record.epoch());
            }
            return null;
        });
    }

    /**
     * Books a fork whose money has moved at the broker, in one transaction over both accounts: the
     * surplus leaves the parent's Gen-Acc (a FORK_OUT entry under the broker's withdrawal id), the
     * child is founded with it (opening deposit under the child brokerage's id, split by the child's
     * targets), the lineage and the record are written, and both logs get their line. Returns the
     * child; if the record is finished already (a repeated call after a crash), changes nothing.
     */
    public Account completeFork(ForkRecord record, String withdrawalReference, NewAccount child, BrokerConnection childBroker,
                                String openingReference, Instant now) {
        return db.portfolioTransaction(s -> {
            ForkEventEntity e = started(s, record);
            if (e == null) {
                return AccountRepository.load(s, child.id()).orElse(null);
            }
            AccountId parent = record.parent();
            s.persist(LedgerWrites.entry(parent, new NewEntry(now, SleeveKind.GEN, EntryKind.FORK_OUT, "", 0, Money.ZERO, record.amount().negate(),
                    withdrawalReference, "Surplus of " + record.amount() + " founded " + child.id() + " (fork " + record.epoch() + ")")));
            for (SleeveEntity sleeve : CashFlowWrites.sleeves(s, parent)) {
                if (SleeveKind.valueOf(sleeve.key.kind()) == SleeveKind.GEN) {
                    sleeve.capitalCents -= record.amount().cents();
                }
            }
            Account founded = AccountRepository.found(s, child, childBroker, AccountStatus.ACTIVE, now, Optional.of(openingReference));
            lineageRow(s, child.id(), parent, now, LineageState.ACTIVE, "");
            e.state = ForkRecord.State.DONE.name();
            e.finishedAt = now;
            String summary = "Fork " + record.epoch() + ": Gen-Acc surplus of " + record.amount() + " founded " + child.name() + " (" + child.id() + ")";
            AuditLog.append(s, parent, now, AuditKind.FORK, summary + "; Gen-Acc back to its capital", "broker withdrawal " + withdrawalReference);
            AuditLog.append(s, child.id(), now, AuditKind.FORK, "Forked from " + parent + " with " + record.amount() + " (its fork " + record.epoch() + ")",
                    "opening deposit " + openingReference);
            s.flush();
            return founded;
        });
    }

    /**
     * Records a fork at a broker that cannot open accounts: the child is founded with no money, paused,
     * in WAITING_FOR_BROKERAGE with {@code instructions}; the surplus stays in the parent, reserved and
     * un-traded, until the user links a funded brokerage account.
     */
    public Account completeWaiting(ForkRecord record, NewAccount child, BrokerConnection placeholder, String instructions, Instant now) {
        return db.portfolioTransaction(s -> {
            ForkEventEntity e = started(s, record);
            if (e == null) {
                return AccountRepository.load(s, child.id()).orElse(null);
            }
            Account founded = AccountRepository.found(s, child, placeholder, AccountStatus.PAUSED, now, Optional.empty());
            lineageRow(s, child.id(), record.parent(), now, LineageState.WAITING_FOR_BROKERAGE, instructions);
            e.state = ForkRecord.State.WAITING.name();
            AuditLog.append(s, record.parent(), now, AuditKind.FORK, "Fork " + record.epoch() + ": " + child.id() + " waits for its brokerage account; "
                    + record.amount() + " stays reserved and un-traded here until it is linked", instructions);
            AuditLog.append(s, child.id(), now, AuditKind.FORK, "Forked from " + record.parent() + ": waiting for its brokerage account", instructions);
            s.flush();
            return founded;
        });
    }

    /**
     * Books a merge whose money has moved at the broker, in one transaction over both accounts: every
     * sleeve's cash leaves the child (MERGE_OUT), the total arrives in the parent's Com-Acc (MERGE_IN),
     * the child is closed and its lineage says where it went.
     */
    public void completeMerge(ForkRecord record, Map<SleeveKind, Money> childCash, String childWithdrawal, String parentDeposit, Instant now) {
        db.portfolioTransaction(s -> {
            ForkEventEntity e = started(s, record);
            if (e == null) {
                return null;
            }
            AccountId parent = record.parent();
            AccountId child = record.child();
            long total = 0;
            for (Map.Entry<SleeveKind, Money> c : new EnumMap<>(childCash).entrySet()) {
                if (!c.getValue().isZero()) {
                    s.persist(LedgerWrites.entry(child, new NewEntry(now, c.getKey(), EntryKind.MERGE_OUT, "", 0, Money.ZERO, c.getValue().negate(),
                            childWithdrawal, "Merged into " + parent + "'s Com-Acc")));
                    total += c.getValue().cents();
                }
            }
            if (total != record.amount().cents()) {
                throw new StoreException("Merge of " + child + ": its cash " + Money.ofCents(total) + " is not the " + record.amount() + " moved.");
            }
            s.persist(LedgerWrites.entry(parent, new NewEntry(now, SleeveKind.COM, EntryKind.MERGE_IN, "", 0, Money.ZERO, record.amount(),
                    parentDeposit, "Merged " + child + " into Com-Acc")));
            for (SleeveEntity sleeve : CashFlowWrites.sleeves(s, parent)) {
                if (SleeveKind.valueOf(sleeve.key.kind()) == SleeveKind.COM) {
                    sleeve.capitalCents += record.amount().cents();
                }
            }
            closeMerged(s, child, parent, now);
            e.state = ForkRecord.State.DONE.name();
            e.finishedAt = now;
            AuditLog.append(s, parent, now, AuditKind.MERGE, child + " merged into Com-Acc: " + record.amount() + " arrived", "broker deposit " + parentDeposit);
            AuditLog.append(s, child, now, AuditKind.MERGE, "Merged into " + parent + "'s Com-Acc with " + record.amount() + "; account closed",
                    "broker withdrawal " + childWithdrawal);
            s.flush();
            return null;
        });
    }

    // ---- merging by transfer (TRANSFER_AT_MARKET at the paper brokerage, docs/decisions/0026) ----

    /** The transfer id of a merge's position transfer, if its intent was recorded (whether or not it was booked yet). */
    public Optional<String> transferIntent(ForkRecord merge) {
        return db.portfolioTransaction(s -> Optional.ofNullable(s.find(MergeTransferEntity.class, merge.id())).map(e -> e.transferId));
    }

    /**
     * Records, durably and before the brokerage is asked, that this merge moves its positions by transfer
     * under the returned id (as an order intent before its order is sent: a restart finds it and asks again
     * under the same id, which the brokerage answers once). Returns the recorded id if there is one already.
     */
    public String recordTransferIntent(ForkRecord merge, Instant now) {
        String id = db.portfolioTransaction(s -> {
            MergeTransferEntity e = s.find(MergeTransferEntity.class, merge.id());
            if (e != null) {
                return e.transferId;
            }
            e = new MergeTransferEntity();
            e.mergeId = merge.id();
            e.transferId = merge.child().value() + ".merge-" + merge.epoch() + ".transfer";
            e.childId = merge.child().value();
            e.parentId = merge.parent().value();
            e.state = "INTENT";
            e.createdAt = now;
            s.persist(e);
            AuditLog.append(s, merge.child(), now, AuditKind.MERGE, "Merge into " + merge.parent() + ": its positions and cash are transferred"
                    + " at the paper brokerage (transfer " + e.transferId + ")", "");
            s.flush();
            return e.transferId;
        });
        db.makeDurable();
        return id;
    }

    /**
     * Books a merge whose positions and cash the brokerage moved, in ONE transaction over both accounts
     * (docs/decisions/0026): the child's entries (each lot out at market, each sleeve's MERGE_OUT), the
     * parent's (each lot in with its origin, each sleeve's MERGE_IN), every position row moved into the
     * parent's sleeve of the same kind with its cost basis (and its opening time, where the parent held none),
     * the child closed and MERGED, the record and the transfer intent DONE, a line in both logs. Does nothing
     * if the merge is no longer under way (booked before).
     */
    public void completeTransferMerge(ForkRecord record, String transferId, List<NewEntry> childEntries, List<NewEntry> parentEntries,
                                      List<io.alluse.domain.ledger.Position> moved, Money total, Instant now) {
        db.portfolioTransaction(s -> {
            ForkEventEntity e = started(s, record);
            if (e == null) {
                return null;
            }
            AccountId parent = record.parent();
            AccountId child = record.child();
            for (NewEntry n : childEntries) {
                s.persist(LedgerWrites.entry(child, n));
            }
            for (NewEntry n : parentEntries) {
                s.persist(LedgerWrites.entry(parent, n));
            }
            for (io.alluse.domain.ledger.Position p : moved) {
                PositionEntity from = position(s, child, p.sleeve(), p.instrument().code());
                if (from != null) {
                    from.quantity = 0;
                    from.costCents = 0;
                    from.updatedAt = now;
                }
                PositionEntity to = position(s, parent, p.sleeve(), p.instrument().code());
                boolean isNew = to == null;
                if (isNew) {
                    to = new PositionEntity();
                    to.accountId = parent.value();
                    to.sleeve = p.sleeve().name();
                    to.instrument = p.instrument().code();
                }
                if (to.quantity == 0) {
                    to.costCents = 0;
                    to.openedAt = p.openedAt();
                } else if (p.openedAt().isBefore(to.openedAt)) {
                    to.openedAt = p.openedAt();
                }
                to.quantity += p.quantity();
                to.costCents += p.costBasis().cents();
                to.updatedAt = now;
                if (to.quantity == 0) {
                    to.costCents = 0;
                }
                if (isNew) {
                    s.persist(to);
                }
            }
            for (SleeveEntity sleeve : CashFlowWrites.sleeves(s, parent)) {
                SleeveKind kind = SleeveKind.valueOf(sleeve.key.kind());
                sleeve.capitalCents += parentEntries.stream().filter(n -> n.sleeve() == kind && n.kind() == EntryKind.MERGE_IN)
                        .mapToLong(n -> n.amount().cents()).sum();
            }
            closeMerged(s, child, parent, now);
            e.amountCents = total.isPositive() ? total.cents() : e.amountCents;
            e.state = ForkRecord.State.DONE.name();
            e.finishedAt = now;
            MergeTransferEntity intent = s.find(MergeTransferEntity.class, record.id());
            if (intent != null) {
                intent.state = "DONE";
                intent.finishedAt = now;
            }
            String positions = moved.size() == 1 ? "1 position" : moved.size() + " positions";
            AuditLog.append(s, parent, now, AuditKind.MERGE, child + " merged in by transfer: " + positions + " (cost basis and opening days kept)"
                    + " and cash, " + total + " at market, into the sleeves of the same kind", "transfer " + transferId);
            AuditLog.append(s, child, now, AuditKind.MERGE, "Merged into " + parent + " by transfer: " + positions + " and cash, " + total
                    + " at market; account closed", "transfer " + transferId);
            s.flush();
            return null;
        });
    }

    private static PositionEntity position(Session s, AccountId account, SleeveKind sleeve, String instrument) {
        return s.createSelectionQuery("from Position where accountId = :a and sleeve = :k and instrument = :i", PositionEntity.class)
                .setParameter("a", account.value()).setParameter("k", sleeve.name()).setParameter("i", instrument).uniqueResultOptional().orElse(null);
    }

    // ---- linking a fork that waits for its brokerage (docs/decisions/0020) ----------------------

    /** The fork that founded {@code child} and still waits for its brokerage (WAITING or TRANSFERRED), if any. */
    public Optional<ForkRecord> awaitingLink(AccountId child) {
        return db.portfolioTransaction(s -> s.createSelectionQuery("from ForkEvent where kind = 'FORK' and childId = :c and state in ('WAITING', 'TRANSFERRED')",
                ForkEventEntity.class).setParameter("c", child.value()).setMaxResults(1).uniqueResultOptional().map(ForkStore::toRecord));
    }

    /** Forks of {@code parent} whose money has not yet been seen leaving its brokerage account (WAITING or LINKED), oldest first. */
    public List<ForkRecord> awaitingTransferOut(AccountId parent) {
        return db.portfolioTransaction(s -> s.createSelectionQuery("from ForkEvent where kind = 'FORK' and parentId = :p and state in ('WAITING', 'LINKED')"
                + " order by epoch", ForkEventEntity.class).setParameter("p", parent.value()).getResultList().stream().map(ForkStore::toRecord).toList());
    }

    /**
     * The user moved a waiting fork's surplus out of the parent's brokerage account (the broker's
     * withdrawal {@code reference}): books it as the fork's FORK_OUT from the parent's Gen-Acc, not as
     * an external withdrawal, and ends the reservation. WAITING becomes TRANSFERRED (the child still
     * has to be linked), LINKED becomes DONE. Returns false, writing nothing, if the record moved on.
     */
    public boolean transferredOut(ForkRecord record, String reference, Instant now) {
        return db.portfolioTransaction(s -> {
            ForkEventEntity e = s.find(ForkEventEntity.class, record.id());
            if (e == null || !(ForkRecord.State.WAITING.name().equals(e.state) || ForkRecord.State.LINKED.name().equals(e.state))) {
                return false;
            }
            forkOut(s, record, reference, now);
            boolean linked = ForkRecord.State.LINKED.name().equals(e.state);
            e.state = linked ? ForkRecord.State.DONE.name() : ForkRecord.State.TRANSFERRED.name();
            if (linked) {
                e.finishedAt = now;
            }
            AuditLog.append(s, record.parent(), now, AuditKind.FORK, "Fork " + record.epoch() + ": " + record.amount() + " left for " + record.child()
                    + (linked ? "; the fork is complete" : "; " + record.child() + " still has to be linked to its brokerage account"),
                    "broker withdrawal " + reference);
            s.flush();
            return true;
        });
    }

    /**
     * Links a fork that waited for its brokerage, in ONE transaction: the child gets its brokerage
     * account (kind and number; the keys are in the vault already), its opening deposit of the fork's
     * amount under the new brokerage's {@code openingReference}, its lineage turns ACTIVE and it
     * becomes ACTIVE. On the parent's side: if the money was seen leaving already (TRANSFERRED) or
     * {@code parentWithdrawal} is the broker's withdrawal of it, the FORK_OUT is booked and the fork is
     * DONE; otherwise it is LINKED and the surplus stays reserved until the parent's sync sees it leave.
     * Returns the linked child; throws if the fork is not waiting (linked before, or never waited).
     */
    public Account link(ForkRecord record, BrokerConnection broker, String openingReference, Optional<String> parentWithdrawal, Instant now) {
        return db.portfolioTransaction(s -> {
            ForkEventEntity e = s.find(ForkEventEntity.class, record.id());
            boolean transferred = e != null && ForkRecord.State.TRANSFERRED.name().equals(e.state);
            if (e == null || !(transferred || ForkRecord.State.WAITING.name().equals(e.state))) {
                throw new StoreException(record.child() + " is not waiting for its brokerage account (it was linked already).");
            }
            AccountId child = record.child();
            AccountEntity a = s.find(AccountEntity.class, child.value());
            a.brokerKind = broker.kind().name();
            a.brokerAccount = broker.externalAccountId();
            a.status = AccountStatus.ACTIVE.name();
            Account before = AccountRepository.load(s, child).orElseThrow();
            io.alluse.domain.SleeveCapitals zero = io.alluse.domain.SleeveCapitals.of(Money.ZERO, Money.ZERO, Money.ZERO);
            io.alluse.domain.CashFlow opening = io.alluse.domain.CashFlow.deposit(record.amount(), now, openingReference);
            CashFlowWrites.book(s, child, new io.alluse.domain.FundChange(opening, zero,
                    io.alluse.domain.SleeveCapitals.split(record.amount(), before.config())), now);
            BrokerSyncEntity sync = s.find(BrokerSyncEntity.class, child.value());
            if (sync == null) {
                sync = new BrokerSyncEntity();
                sync.accountId = child.value();
                sync.health = io.alluse.domain.run.AccountHealth.OK.name();
                sync.lastError = "";
                sync.activityCursor = openingReference;
                sync.brokerCashCents = record.amount().cents();
                sync.lastSyncAt = now;
                s.persist(sync);
            } else {
                sync.activityCursor = openingReference;
                sync.brokerCashCents = record.amount().cents();
            }
            AccountLineageEntity l = s.find(AccountLineageEntity.class, child.value());
            l.state = LineageState.ACTIVE.name();
            l.instructions = "";
            String parentSide;
            if (transferred) {
                e.state = ForkRecord.State.DONE.name();
                e.finishedAt = now;
                parentSide = "its surplus had left already";
            } else if (parentWithdrawal.isPresent()) {
                forkOut(s, record, parentWithdrawal.get(), now);
                e.state = ForkRecord.State.DONE.name();
                e.finishedAt = now;
                parentSide = record.amount() + " left Gen-Acc (broker withdrawal " + parentWithdrawal.get() + ")";
            } else {
                e.state = ForkRecord.State.LINKED.name();
                parentSide = record.amount() + " stays reserved here until the transfer out of this brokerage account shows up";
            }
            AuditLog.append(s, record.parent(), now, AuditKind.FORK, "Fork " + record.epoch() + ": " + child + " linked to " + broker.kind().label()
                    + " account " + broker.externalAccountId() + "; " + parentSide, "");
            AuditLog.append(s, child, now, AuditKind.FORK, "Linked to " + broker.kind().label() + " account " + broker.externalAccountId()
                    + " with the fork's " + record.amount() + "; managed from now on", "opening deposit " + openingReference);
            s.flush();
            return AccountRepository.load(s, child).orElseThrow();
        });
    }

    // ---- releasing a linked fork's reservation by hand (docs/decisions/0032) -------------------

    /** The fork that founded {@code child}, whatever its state; empty for an account founded by hand. */
    public Optional<ForkRecord> founding(AccountId child) {
        return db.portfolioTransaction(s -> s.createSelectionQuery("from ForkEvent where kind = 'FORK' and childId = :c order by epoch",
                ForkEventEntity.class).setParameter("c", child.value()).setMaxResults(1).uniqueResultOptional().map(ForkStore::toRecord));
    }

    /** Surplus of {@code parent}'s forks released by hand: still in its Gen-Acc, and counted as capital by the fork rule. */
    public Money released(AccountId parent) {
        return db.portfolioTransaction(s -> Money.ofCents(s.createSelectionQuery("select coalesce(sum(amountCents), 0) from ForkEvent"
                + " where parentId = :p and kind = 'FORK' and state = 'RELEASED'", Long.class).setParameter("p", parent.value()).getSingleResult()));
    }

    /**
     * Ends the reservation of a LINKED fork whose money the user put into the child from elsewhere: the
     * record becomes RELEASED and both audit logs say so, in one transaction. Books nothing in either
     * ledger (no money moved) and sends nothing to any broker. Returns the released record; throws,
     * writing nothing, if the record is not LINKED (any more).
     */
    public ForkRecord release(ForkRecord record, Instant now) {
        return db.portfolioTransaction(s -> {
            ForkEventEntity e = s.find(ForkEventEntity.class, record.id());
            if (e == null || !ForkRecord.State.LINKED.name().equals(e.state)) {
                throw new StoreException("Fork " + record.epoch() + " of " + record.parent() + " is not linked and reserved (it is "
                        + (e == null ? "gone" : e.state) + "): nothing to release.");
            }
            e.state = ForkRecord.State.RELEASED.name();
            e.finishedAt = now;
            AuditLog.append(s, record.parent(), now, AuditKind.FORK, "Fork " + record.epoch() + ": reservation of " + record.amount() + " for "
                    + record.child() + " released by hand (the user funded it from elsewhere); the amount stays in Gen-Acc and is deployable again."
                    + " Nothing was sent to any broker", "");
            AuditLog.append(s, record.child(), now, AuditKind.FORK, "Funded from elsewhere: " + record.parent() + "'s reservation of "
                    + record.amount() + " for this account was released by hand", "");
            s.flush();
            return toRecord(e);
        });
    }

    /** The parent's side of a fork: the surplus leaves its Gen-Acc (FORK_OUT under the broker's reference) and its capital. */
    private static void forkOut(Session s, ForkRecord record, String reference, Instant now) {
        s.persist(LedgerWrites.entry(record.parent(), new NewEntry(now, SleeveKind.GEN, EntryKind.FORK_OUT, "", 0, Money.ZERO,
                record.amount().negate(), reference, "Surplus of " + record.amount() + " moved to " + record.child() + " (fork " + record.epoch() + ")")));
        for (SleeveEntity sleeve : CashFlowWrites.sleeves(s, record.parent())) {
            if (SleeveKind.valueOf(sleeve.key.kind()) == SleeveKind.GEN) {
                sleeve.capitalCents -= record.amount().cents();
            }
        }
    }

    private static ForkEventEntity started(Session s, ForkRecord record) {
        ForkEventEntity e = s.find(ForkEventEntity.class, record.id());
        if (e == null) {
            throw new StoreException("No fork record " + record.id() + ".");
        }
        return ForkRecord.State.STARTED.name().equals(e.state) ? e : null;
    }

    /** The merged child after its money left: no capital in any sleeve, closed, its lineage MERGED into the parent. */
    private static void closeMerged(Session s, AccountId child, AccountId parent, Instant now) {
        for (SleeveEntity sleeve : CashFlowWrites.sleeves(s, child)) {
            sleeve.capitalCents = 0;
        }
        AccountEntity a = s.find(AccountEntity.class, child.value());
        a.status = AccountStatus.CLOSED.name();
        AccountLineageEntity l = s.find(AccountLineageEntity.class, child.value());
        if (l == null) {
            l = lineageRow(s, child, parent, null, LineageState.MERGED, "");
        }
        l.state = LineageState.MERGED.name();
        l.mergedInto = parent.value();
        l.mergedAt = now;
    }

    private static AccountLineageEntity lineageRow(Session s, AccountId child, AccountId parent, Instant forkedAt, LineageState state,
                                                   String instructions) {
        AccountLineageEntity l = new AccountLineageEntity();
        l.accountId = child.value();
        l.parentId = parent.value();
        l.forkedAt = forkedAt;
        l.state = state.name();
        l.instructions = instructions.length() > 2000 ? instructions.substring(0, 1999) : instructions;
        s.persist(l);
        return l;
    }

    private static ForkRecord toRecord(ForkEventEntity e) {
        return new ForkRecord(e.id, ForkRecord.Kind.valueOf(e.kind), new AccountId(e.parentId), e.epoch, new AccountId(e.childId),
                Money.ofCents(e.amountCents), ForkRecord.State.valueOf(e.state), e.startedAt);
    }
}
