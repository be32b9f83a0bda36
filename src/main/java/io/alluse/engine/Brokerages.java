package io.alluse.engine;

import io.alluse.broker.Broker;
import io.alluse.domain.Account;
import io.alluse.domain.AccountId;
import io.alluse.domain.BrokerConnection;
import io.alluse.domain.Money;

/**
 * Where accounts' brokerage accounts come from: the built-in paper brokerage now, real brokers
 * later. Each main account gets its own {@link Broker}, built with its own connection.
 */
public interface Brokerages {

    /** The brokerage account a new main account will trade in (no secrets). */
    BrokerConnection connectionFor(AccountId id);

    /**
     * Opens and funds the brokerage account for a new main account. Calling it again for the same
     * account returns the same opening balance (so a retried creation does not fund twice).
     */
    OpeningBalance open(AccountId id, BrokerConnection connection, Money initialCapital);

    /** The broker for an existing account. */
    Broker connect(Account account);

    /**
     * The account's desk at the built-in paper brokerage, where the engine moves money between our
     * own accounts (forks, merges). Empty for a real broker: it can neither open accounts nor move
     * money for the user, so a fork there waits for the user (docs/decisions/0017).
     */
    default java.util.Optional<io.alluse.broker.paper.PaperBroker> paperDesk(Account account) {
        return java.util.Optional.empty();
    }

    /**
     * Can the brokerage move positions (with their cost basis) and cash from {@code from} to {@code to}
     * as they are? Only the built-in paper brokerage, with both accounts there (docs/decisions/0026).
     */
    default boolean movesPositions(Account from, Account to) {
        return false;
    }

    /**
     * Moves everything {@code from} holds to {@code to} at their brokerage under {@code transferId}, once
     * however often it is asked (see {@link io.alluse.broker.paper.PaperBrokerage#transfer}). Only where
     * {@link #movesPositions} says so; elsewhere it throws.
     */
    default io.alluse.broker.paper.PaperTransfer movePositions(String transferId, Account from, Account to) {
        throw new io.alluse.broker.BrokerException(io.alluse.broker.BrokerException.Kind.REJECTED, from.broker().kind().label()
                + " cannot move positions between accounts; close them at the market instead");
    }

    /** The transfer {@code transferId} if the brokerage did it already (read only); empty where it did not, or cannot. */
    default java.util.Optional<io.alluse.broker.paper.PaperTransfer> findMovedPositions(String transferId, Account from, Account to) {
        return java.util.Optional.empty();
    }

    /**
     * Tests a brokerage choice for a new account before anything is stored (the wizard's Test
     * connection). Never throws for a broker's answer: failures come back as a failed check.
     */
    default ConnectionCheck check(AccountId id, BrokerSetup setup) {
        return switch (setup) {
            case BrokerSetup.Paper p -> ConnectionCheck.ok("Paper broker ready",
                    "Brokerage account " + connectionFor(id).externalAccountId() + " will be opened with the initial capital.",
                    "Fills at the mid price with the configured slippage; options approved.");
            case BrokerSetup.Alpaca a -> ConnectionCheck.failed("Alpaca is not available in this setup");
        };
    }

    /**
     * Opens the brokerage account a new main account trades in, storing its credentials (in the
     * OS keychain or the vault file, never in the database) where the broker needs any.
     */
    default Opened open(AccountId id, BrokerSetup setup, Money initialCapital) {
        if (!(setup instanceof BrokerSetup.Paper)) {
            throw new IllegalArgumentException(setup.kind().label() + " is not available in this setup");
        }
        BrokerConnection connection = connectionFor(id);
        return new Opened(connection, open(id, connection, initialCapital));
    }

    /** Where broker credentials are kept (OS keychain or vault file), if brokers with credentials are configured. */
    default java.util.Optional<io.alluse.secrets.CredentialStore> credentials() {
        return java.util.Optional.empty();
    }

    /**
     * The cash a brokerage account the user opened holds now (linking a fork that waited for its
     * brokerage checks it against the amount to transfer). Empty where the engine opens and funds the
     * account itself (paper); throws {@link io.alluse.broker.BrokerException} if the broker cannot be reached.
     */
    default java.util.Optional<Money> cashAt(BrokerSetup setup) {
        return java.util.Optional.empty();
    }

    /** The credential vault file, only when it is the credential store in use (then a passphrase is asked once per session). */
    default java.util.Optional<io.alluse.secrets.SecretVault> vault() {
        return java.util.Optional.empty();
    }

    /** A new account's brokerage account and its opening balance. */
    record Opened(BrokerConnection connection, OpeningBalance opening) {
    }

    /** The deposit that funded a new brokerage account: its activity id is booked as the opening cash flow. */
    record OpeningBalance(String activityId, Money amount) {
    }
}
