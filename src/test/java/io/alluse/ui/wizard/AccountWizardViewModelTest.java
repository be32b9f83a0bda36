package io.alluse.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import io.alluse.domain.Account;
import io.alluse.domain.AccountId;
import io.alluse.domain.FieldError;
import io.alluse.domain.Money;
import io.alluse.domain.SleeveKind;
import io.alluse.engine.AccountService;
import io.alluse.ui.common.UiExecutor;
import io.alluse.ui.config.AllocationPreview;
import io.alluse.ui.config.ConfigForm;
import io.alluse.ui.testing.ManualUiExecutor;
import io.alluse.ui.testing.UiTestServices;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javafx.beans.property.StringProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The wizard's state and commands on the calling thread (UiExecutor.direct()), over a real H2 store. */
class AccountWizardViewModelTest {

    @TempDir
    Path dir;
    UiTestServices fixture;
    AccountService service;
    AccountWizardViewModel wizard;

    @BeforeEach
    void open() {
        fixture = new UiTestServices(dir, UiTestServices.PAPER_MARKET);
        service = fixture.services.accounts();
        service.ensureFirstAccount(); // account-1, window 09:45-10:15
        wizard = new AccountWizardViewModel(service, UiExecutor.direct());
        wizard.load();
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void opensWithTheNextFreeIdAndNameTheDefaultCapitalAndTheNextFreeWindow() {
        assertThat(wizard.idProperty().get()).isEqualTo("account-2");
        assertThat(wizard.nameProperty().get()).isEqualTo("Account-2");
        assertThat(wizard.capitalProperty().get()).isEqualTo("500000");
        assertThat(wizard.config().windowStartProperty().get()).isEqualTo("10:15");
        assertThat(wizard.config().windowEndProperty().get()).isEqualTo("10:45");
        assertThat(wizard.config().customAllocationProperty().get()).isFalse();
        assertThat(wizard.stepProperty().get()).isEqualTo(WizardStep.BASICS);
        assertThat(wizard.messages().errors()).isEmpty();
        assertThat(wizard.canNextProperty().get()).isTrue();
        assertThat(wizard.canBackProperty().get()).isFalse();
        assertThat(wizard.canCreateProperty().get()).isFalse();
    }

    static Stream<InvalidInput> invalidInputs() {
        return InvalidInput.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidInputs")
    void eachInvalidInputShowsTheCommandLinesMessageOnItsFieldAndBlocksNext(InvalidInput input) {
        goTo(input.step());
        wizard.config().customAllocationProperty().set(input.customAllocation());
        assertThat(wizard.canNextProperty().get()).as("valid before the bad input").isTrue();

        input.typed().forEach((field, text) -> field(field).set(text));

        String shown = wizard.messages().get(input.messageField());
        assertThat(shown).contains(input.phrase());
        // the command line runs the same draft through AccountService.create -> validate: same key, same words
        List<FieldError> cli = service.validate(wizard.draft()).errors();
        assertThat(cli).extracting(FieldError::field).contains(input.messageField());
        assertThat(shown).isEqualTo(cli.stream().filter(e -> e.field().equals(input.messageField())).map(FieldError::message)
                .reduce((a, b) -> a + "\n" + b).orElseThrow());
        assertThat(WizardStep.owner(input.messageField())).isEqualTo(input.step());
        assertThat(wizard.stepValidProperty().get()).isFalse();
        assertThat(wizard.canNextProperty().get()).isFalse();
        wizard.next();
        assertThat(wizard.stepProperty().get()).isEqualTo(input.step());
    }

    @Test
    void backKeepsEverythingEnteredAndNextIsAllowedAgainOnceFixed() {
        wizard.nameProperty().set("Growth");
        wizard.idProperty().set("growth");
        wizard.capitalProperty().set("250k");
        wizard.next();
        wizard.next();
        wizard.config().customAllocationProperty().set(true);
        wizard.config().sleeve(SleeveKind.GEN).targetProperty().set("50");
        assertThat(wizard.canNextProperty().get()).isFalse();
        wizard.config().sleeve(SleeveKind.REV).targetProperty().set("20");
        assertThat(wizard.canNextProperty().get()).isTrue();
        wizard.back();
        wizard.back();
        assertThat(wizard.stepProperty().get()).isEqualTo(WizardStep.BASICS);
        assertThat(wizard.nameProperty().get()).isEqualTo("Growth");
        assertThat(wizard.idProperty().get()).isEqualTo("growth");
        assertThat(wizard.capitalProperty().get()).isEqualTo("250k");
        wizard.next();
        wizard.next();
        assertThat(wizard.config().sleeve(SleeveKind.GEN).targetProperty().get()).isEqualTo("50");
        assertThat(wizard.config().customAllocationProperty().get()).isTrue();
    }

    @Test
    void allocationPreviewTurnsTheTypedPercentagesIntoDollarsAndChecksTheSum() {
        wizard.capitalProperty().set("1m");
        AllocationPreview preview = wizard.config().previewProperty().get();
        // 40/30/30 of $1,000,000 with a 5% buffer, by hand: 400,000 -> 380,000; 300,000 -> 285,000
        assertThat(preview.rows()).extracting(r -> r.capital().orElseThrow(), r -> r.deployable().orElseThrow()).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Money.ofDollars(400_000), Money.ofDollars(380_000)),
                org.assertj.core.groups.Tuple.tuple(Money.ofDollars(300_000), Money.ofDollars(285_000)),
                org.assertj.core.groups.Tuple.tuple(Money.ofDollars(300_000), Money.ofDollars(285_000)));
        assertThat(preview.sumText()).isEqualTo("Adds up to 100%");

        ConfigForm config = wizard.config();
        config.customAllocationProperty().set(true);
        config.sleeve(SleeveKind.COM).targetProperty().set("25");
        config.cashBufferProperty().set("10");
        preview = config.previewProperty().get();
        assertThat(preview.sumText()).isEqualTo("Adds up to 95% \u2013 must be 100%");
        assertThat(preview.sumIsHundred()).isFalse();
        assertThat(preview.rows().get(2).capital()).contains(Money.ofDollars(250_000));
        assertThat(preview.rows().get(2).deployable()).contains(Money.ofDollars(225_000));
        assertThat(wizard.messages().get("allocation")).startsWith("Allocations add up to 95%");

        // back to the defaults: the numbers return and the message goes
        config.customAllocationProperty().set(false);
        assertThat(config.sleeve(SleeveKind.COM).targetProperty().get()).isEqualTo("30");
        assertThat(config.cashBufferProperty().get()).isEqualTo("5");
        assertThat(wizard.messages().get("allocation")).isEmpty();
    }

    @Test
    void connectionTestReportsThePaperBrokerWithItsDetails() {
        wizard.broker().testConnection(wizard.idProperty().get());
        assertThat(wizard.broker().resultProperty().get().ok()).isTrue();
        assertThat(wizard.broker().resultProperty().get().summary()).isEqualTo("Paper broker ready");
        assertThat(wizard.broker().resultProperty().get().details()).anySatisfy(d -> assertThat(d).contains("PAPER-ACCOUNT-2"));

        wizard.idProperty().set("income");
        assertThat(wizard.broker().resultProperty().get()).as("a test of another id no longer applies").isNull();

        wizard.broker().testConnection("Not An Id");
        assertThat(wizard.broker().resultProperty().get().ok()).isFalse();
    }

    @Test
    void reviewSummarisesTheAccountWithTheDollarSplitAndDeployableCash() {
        wizard.capitalProperty().set("$600,000");
        goTo(WizardStep.REVIEW);
        AccountReview review = wizard.reviewProperty().get();
        Map<String, String> lines = new java.util.HashMap<>();
        review.sections().forEach(s -> s.lines().forEach(l -> lines.put(s.title() + "/" + l.key(), l.value())));
        assertThat(lines).containsEntry("Account/Initial capital", "$600,000.00")
                .containsEntry("Brokerage/Brokerage account", "PAPER-ACCOUNT-2")
                .containsEntry("Allocation/Gen-Acc", "40%  \u00b7  $240,000  \u00b7  deployable $228,000")
                .containsEntry("Allocation/Rev-Acc", "30%  \u00b7  $180,000  \u00b7  deployable $171,000")
                .containsEntry("Execution window/Window", "10:15-10:45 New York");
        assertThat(lines.get("Sleeve parameters/Gen-Acc")).startsWith("TSLA, NVDA  \u00b7  delta 0.40-0.50  \u00b7  0-7 days  \u00b7  Thu");
        assertThat(wizard.canCreateProperty().get()).isTrue();
    }

    @Test
    void createFoundsTheAccountInTheStoreAndFinishes() {
        wizard.nameProperty().set("Income");
        wizard.idProperty().set("income");
        wizard.capitalProperty().set("750,000");
        goTo(WizardStep.REVIEW);
        wizard.create();

        Account created = wizard.createdProperty().get();
        assertThat(created).isNotNull();
        assertThat(wizard.finishedProperty().get()).isTrue();
        Account stored = service.get(new AccountId("income"));
        assertThat(stored.name()).isEqualTo("Income");
        assertThat(stored.initialCapital()).isEqualTo(Money.ofDollars(750_000));
        assertThat(stored.capital().of(SleeveKind.GEN)).isEqualTo(Money.ofDollars(300_000));
        assertThat(stored.config().window().toString()).isEqualTo("10:15-10:45");
        assertThat(service.accounts()).hasSize(2);
    }

    @Test
    void anIdTakenMeanwhileIsShownOnTheBasicsPageAndNothingIsCreated() {
        goTo(WizardStep.REVIEW);
        service.create(service.newAccountDraft()); // another window takes account-2 first
        wizard.create();

        assertThat(wizard.createdProperty().get()).isNull();
        assertThat(wizard.finishedProperty().get()).isFalse();
        assertThat(wizard.stepProperty().get()).isEqualTo(WizardStep.BASICS);
        assertThat(wizard.messages().get("id")).startsWith("Account id 'account-2' is already used by another account: choose another, e.g. account-3.");
        assertThat(wizard.problemProperty().get()).contains("not created").contains("fix what is marked");
        assertThat(wizard.canNextProperty().get()).isFalse();
        assertThat(service.accounts()).hasSize(2);

        // the refreshed snapshot also knows the new window: the old suggestion now overlaps it
        wizard.idProperty().set("account-3");
        assertThat(wizard.canNextProperty().get()).isTrue();
        goTo(WizardStep.WINDOW);
        assertThat(wizard.messages().get("window")).contains("overlaps account-2's window 10:15-10:45");
        wizard.config().useSuggestedWindow();
        assertThat(wizard.config().windowStartProperty().get()).isEqualTo("10:45");
        goTo(WizardStep.REVIEW);
        wizard.create();
        assertThat(wizard.createdProperty().get().id().value()).isEqualTo("account-3");
    }

    @Test
    void cancelLeavesTheStoreAsItWas() {
        List<Account> before = service.accounts();
        wizard.nameProperty().set("Never");
        goTo(WizardStep.REVIEW);
        assertThat(wizard.cancel()).isTrue();
        assertThat(wizard.finishedProperty().get()).isTrue();
        assertThat(wizard.createdProperty().get()).isNull();
        assertThat(service.accounts()).isEqualTo(before);
    }

    @Test
    void whileCreatingNothingCanBeChangedOrCancelled() {
        ManualUiExecutor manual = new ManualUiExecutor();
        AccountWizardViewModel slow = new AccountWizardViewModel(service, manual);
        slow.load();
        manual.runAll();
        while (!slow.stepProperty().get().isLast()) {
            slow.next();
        }
        slow.create();
        assertThat(slow.creatingProperty().get()).isTrue();
        assertThat(slow.canCreateProperty().get()).isFalse();
        assertThat(slow.canBackProperty().get()).isFalse();
        assertThat(slow.cancel()).isFalse();
        assertThat(service.accounts()).hasSize(1);

        manual.runAll();
        assertThat(slow.creatingProperty().get()).isFalse();
        assertThat(slow.finishedProperty().get()).isTrue();
        assertThat(service.accounts()).hasSize(2);
    }

    private void goTo(WizardStep target) {
        while (wizard.stepProperty().get() != target) {
            WizardStep was = wizard.stepProperty().get();
            wizard.next();
            assertThat(wizard.stepProperty().get()).as("Next from " + was).isNotEqualTo(was);
        }
    }

    private StringProperty field(String key) {
        return switch (key) {
            case "id" -> wizard.idProperty();
            case "name" -> wizard.nameProperty();
            case "capital" -> wizard.capitalProperty();
            case "cashBuffer" -> wizard.config().cashBufferProperty();
            case "window.start" -> wizard.config().windowStartProperty();
            case "window.end" -> wizard.config().windowEndProperty();
            default -> {
                var sleeve = wizard.config().sleeve(SleeveKind.fromKey(key.substring(0, key.indexOf('.'))));
                yield switch (key.substring(key.indexOf('.') + 1)) {
                    case "target" -> sleeve.targetProperty();
                    case "symbols" -> sleeve.symbolsProperty();
                    case "deltaMin" -> sleeve.deltaMinProperty();
                    case "deltaMax" -> sleeve.deltaMaxProperty();
                    case "dteMin" -> sleeve.dteMinProperty();
                    case "dteMax" -> sleeve.dteMaxProperty();
                    case "entryDays" -> sleeve.entryDaysProperty();
                    default -> throw new IllegalArgumentException(key);
                };
            }
        };
    }
}
