package io.alluse.ui.funds;

import io.alluse.broker.BrokerActivity;
import io.alluse.broker.paper.PaperBroker;
import io.alluse.domain.Account;
import io.alluse.domain.InputParsers;
import io.alluse.domain.Money;
import io.alluse.engine.Engine;
import io.alluse.engine.PaperBrokerages;
import io.alluse.ui.common.FieldMessages;
import io.alluse.ui.common.UiExecutor;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Moving money in or out "at the paper broker" (SPEC 2.3): the broker books it, and the engine's
 * next sync detects it as an external cash flow, exactly as with a real brokerage. This dialog
 * only asks the broker, then syncs the account at once so the user sees the result.
 */
public final class PaperTransferViewModel {

    public enum Direction {
        DEPOSIT("Deposit"), WITHDRAW("Withdraw");

        private final String label;

        Direction(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final Account account;
    private final PaperBrokerages paper;
    private final Engine engine;
    private final UiExecutor executor;
    private final ObjectProperty<Direction> direction = new SimpleObjectProperty<>(Direction.DEPOSIT);
    private final StringProperty amount = new SimpleStringProperty("");
    private final FieldMessages messages = new FieldMessages();
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(false);
    private final BooleanProperty working = new SimpleBooleanProperty(false);
    private final ReadOnlyObjectWrapper<Optional<Money>> brokerCash = new ReadOnlyObjectWrapper<>(Optional.empty());
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper("");

    public PaperTransferViewModel(Account account, PaperBrokerages paper, Engine engine, UiExecutor executor) {
        this.account = account;
        this.paper = paper;
        this.engine = engine;
        this.executor = executor;
        amount.addListener((obs, old, now) -> validate());
        direction.addListener((obs, old, now) -> validate());
        brokerCash.addListener((obs, old, now) -> validate());
        validate();
    }

    /** Reads the broker's cash (for the withdrawal limit) in the background. */
    public void load() {
        executor.submit("Reading the paper broker", () -> paper.desk(account).account().cash(), cash -> brokerCash.set(Optional.of(cash)),
                e -> failure.set("Could not read the paper broker: " + e.getMessage()));
    }

    /** The amount as typed, or empty with a message on the field {@code amount}. */
    Optional<Money> validate() {
        InputParsers in = new InputParsers();
        Optional<Money> parsed = in.capital("amount", direction.get().label() + " amount", amount.get());
        if (parsed.isPresent() && direction.get() == Direction.WITHDRAW && brokerCash.get().isPresent()
                && parsed.get().isGreaterThan(brokerCash.get().get())) {
            in.reject("amount", "Withdrawal of " + parsed.get().format() + " is more than the " + brokerCash.get().get().format()
                    + " cash at the broker: enter at most that (close positions first to free more).");
            parsed = Optional.empty();
        }
        messages.show(in.errors());
        valid.set(parsed.isPresent());
        return parsed;
    }

    /**
     * Books the transfer at the broker and syncs the account; {@code done} gets a sentence for the
     * user. Refused input changes nothing.
     */
    public void apply(Consumer<String> done) {
        Optional<Money> money = validate();
        if (money.isEmpty() || working.get()) {
            return;
        }
        working.set(true);
        failure.set("");
        Direction d = direction.get();
        executor.submit(d.label() + " at the paper broker", () -> {
            PaperBroker desk = paper.desk(account);
            BrokerActivity booked = d == Direction.DEPOSIT ? desk.deposit(money.get()) : desk.withdraw(money.get());
            // the engine finds it on its own at the next periodic sync; syncing now shows it at once
            engine.syncNow(account.id()).get(60, TimeUnit.SECONDS);
            return booked;
        }, booked -> {
            working.set(false);
            done.accept(d.label() + " of " + money.get().format() + " at the paper broker for " + account.name()
                    + "; the engine booked it as an external cash flow.");
        }, e -> {
            working.set(false);
            failure.set(d.label() + " failed: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        });
    }

    public Account account() {
        return account;
    }

    public ObjectProperty<Direction> directionProperty() {
        return direction;
    }

    public StringProperty amountProperty() {
        return amount;
    }

    public FieldMessages messages() {
        return messages;
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    public BooleanProperty workingProperty() {
        return working;
    }

    public ReadOnlyObjectProperty<Optional<Money>> brokerCashProperty() {
        return brokerCash.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }
}
