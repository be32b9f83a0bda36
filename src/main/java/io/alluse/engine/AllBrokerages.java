package io.alluse.engine;

import io.alluse.broker.Broker;
import io.alluse.domain.Account;
import io.alluse.domain.AccountId;
import io.alluse.domain.BrokerConnection;
import io.alluse.domain.Money;
import io.alluse.secrets.CredentialStore;
import io.alluse.secrets.SecretVault;
import java.util.Optional;

/** The app's brokerages: the built-in paper broker and Alpaca, chosen per account by its broker kind. */
public final class AllBrokerages implements Brokerages {

    private final PaperBrokerages paper;
    private final AlpacaBrokerages alpaca;

    public AllBrokerages(PaperBrokerages paper, AlpacaBrokerages alpaca) {
        this.paper = paper;
        this.alpaca = alpaca;
    }

    public PaperBrokerages paper() {
        return paper;
    }

    @Override
    public BrokerConnection connectionFor(AccountId id) {
        return paper.connectionFor(id);
    }

    @Override
    public OpeningBalance open(AccountId id, BrokerConnection connection, Money initialCapital) {
        return paper.open(id, connection, initialCapital);
    }

    @Override
    public ConnectionCheck check(AccountId id, BrokerSetup setup) {
        return switch (setup) {
            case BrokerSetup.Paper p -> paper.check(id, p);
            case BrokerSetup.Alpaca a -> alpaca.check(a);
        };
    }

    @Override
    public Opened open(AccountId id, BrokerSetup setup, Money initialCapital) {
        return switch (setup) {
            case BrokerSetup.Paper p -> paper.open(id, p, initialCapital);
            case BrokerSetup.Alpaca a -> alpaca.open(id, a, initialCapital);
        };
    }

    @Override
    public Optional<Money> cashAt(BrokerSetup setup) {
        return setup instanceof BrokerSetup.Alpaca a ? Optional.of(alpaca.cash(a)) : Optional.empty();
    }

    @Override
    public Broker connect(Account account) {
        return switch (account.broker().kind()) {
            case PAPER -> paper.connect(account);
            case ALPACA_PAPER, ALPACA_LIVE -> alpaca.connect(account);
        };
    }

    @Override
    public boolean movesPositions(Account from, Account to) {
        return paper.movesPositions(from, to);
    }

    @Override
    public io.alluse.broker.paper.PaperTransfer movePositions(String transferId, Account from, Account to) {
        return paper.movePositions(transferId, from, to);
    }

    @Override
    public Optional<io.alluse.broker.paper.PaperTransfer> findMovedPositions(String transferId, Account from, Account to) {
        return paper.findMovedPositions(transferId, from, to);
    }

    @Override
    public Optional<CredentialStore> credentials() {
        return Optional.of(alpaca.credentials());
    }

    /** The vault file only when it is the store in use: with the OS keychain there is no passphrase to ask. */
    @Override
    public Optional<SecretVault> vault() {
        return alpaca.credentials() instanceof SecretVault v ? Optional.of(v) : Optional.empty();
    }
}
