package io.alluse.engine;

import io.alluse.broker.Broker;
import io.alluse.broker.BrokerActivity;
import io.alluse.broker.paper.PaperBroker;
import io.alluse.broker.paper.PaperBrokerage;
import io.alluse.domain.Account;
import io.alluse.domain.AccountId;
import io.alluse.domain.BrokerConnection;
import io.alluse.domain.BrokerKind;
import io.alluse.domain.Money;
import java.util.List;
import java.util.Optional;

/** The built-in paper brokerage as the source of every account's broker (SPEC section 4). */
public final class PaperBrokerages implements Brokerages {

    private final PaperBrokerage brokerage;

    public PaperBrokerages(PaperBrokerage brokerage) {
        this.brokerage = brokerage;
    }

    public PaperBrokerage brokerage() {
        return brokerage;
    }

    @Override
    public BrokerConnection connectionFor(AccountId id) {
        return BrokerConnection.paperFor(id);
    }

    @Override
    public OpeningBalance open(AccountId id, BrokerConnection connection, Money initialCapital) {
        PaperBroker broker = brokerage.openOrCreate(connection.externalAccountId(), initialCapital);
        List<BrokerActivity> first = broker.activities(Optional.empty(), 1);
        if (first.isEmpty() || !(first.getFirst() instanceof BrokerActivity.Deposit deposit)) {
            throw new IllegalStateException("paper account " + connection.externalAccountId() + " has no opening deposit");
        }
        return new OpeningBalance(deposit.id(), deposit.amount());
    }

    /** The paper broker's part of {@link Brokerages#check}. */
    ConnectionCheck check(AccountId id, BrokerSetup.Paper setup) {
        return Brokerages.super.check(id, setup);
    }

    /** The paper broker's part of {@link Brokerages#open(AccountId, BrokerSetup, Money)}. */
    Opened open(AccountId id, BrokerSetup.Paper setup, Money initialCapital) {
        return Brokerages.super.open(id, setup, initialCapital);
    }

    @Override
    public Broker connect(Account account) {
        if (account.broker().kind() != BrokerKind.PAPER) {
            throw new IllegalArgumentException(account.id() + " trades at " + account.broker().kind().label() + ", not the paper broker");
        }
        return brokerage.open(account.broker().externalAccountId());
    }

    @Override
    public Optional<PaperBroker> paperDesk(Account account) {
        return account.broker().kind() == BrokerKind.PAPER ? brokerage.find(account.broker().externalAccountId()) : Optional.empty();
    }

    @Override
    public boolean movesPositions(Account from, Account to) {
        return from.broker().kind() == BrokerKind.PAPER && to.broker().kind() == BrokerKind.PAPER;
    }

    @Override
    public io.alluse.broker.paper.PaperTransfer movePositions(String transferId, Account from, Account to) {
        if (!movesPositions(from, to)) {
            return Brokerages.super.movePositions(transferId, from, to);
        }
        return brokerage.transfer(transferId, from.broker().externalAccountId(), to.broker().externalAccountId());
    }

    @Override
    public Optional<io.alluse.broker.paper.PaperTransfer> findMovedPositions(String transferId, Account from, Account to) {
        if (!movesPositions(from, to)) {
            return Optional.empty();
        }
        return brokerage.findTransfer(transferId, from.broker().externalAccountId(), to.broker().externalAccountId());
    }

    /** "At the broker" in paper mode: the user moves money in or out, as they would at a real brokerage. */
    public PaperBroker desk(Account account) {
        return brokerage.open(account.broker().externalAccountId());
    }
}
