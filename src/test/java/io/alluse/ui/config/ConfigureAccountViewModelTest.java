package io.alluse.ui.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.alluse.domain.Account;
import io.alluse.domain.AccountConfig;
import io.alluse.domain.AccountId;
import io.alluse.domain.ConfigDraft;
import io.alluse.domain.Money;
import io.alluse.domain.SleeveKind;
import io.alluse.domain.ledger.AuditEvent;
import io.alluse.domain.ledger.AuditKind;
import io.alluse.engine.AccountService;
import io.alluse.ui.common.UiExecutor;
import io.alluse.ui.testing.ManualUiExecutor;
import io.alluse.ui.testing.UiTestServices;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The configuration dialog's state and commands on the calling thread, over a real H2 store.
 * Sizing figures are worked out by hand from the test prices (TSLA $400, NVDA $180, AAPL $230,
 * AMZN $220, MSFT $450) and the rules of SPEC section 3.
 */
class ConfigureAccountViewModelTest {

    static final AccountId TWO = new AccountId("account-2");

    @TempDir
    Path dir;
    UiTestServices fixture;
    AccountService service;
    ConfigureAccountViewModel dialog;

    @BeforeEach
    void open() {
        fixture = new UiTestServices(dir, UiTestServices.PAPER_MARKET);
        service = fixture.services.accounts();
        service.ensureFirstAccount();                                          // 09:45-10:15
        service.create(service.newAccountDraft().withCapital("750000"));       // account-2, 10:15-10:45
        dialog = new ConfigureAccountViewModel(service, UiExecutor.direct(), TWO);
        dialog.load();
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void showsTheCurrentConfigurationAndOffersNoApplyUntilSomethingChanges() {
        Account account = service.get(TWO);
        assertThat(dialog.form().toDraft()).isEqualTo(ConfigDraft.of(account.config()));
        assertThat(dialog.validProperty().get()).isTrue();
        assertThat(dialog.changedProperty().get()).isFalse();
        assertThat(dialog.canApplyProperty().get()).isFalse();
        assertThat(dialog.form().otherWindowsText()).isEqualTo("Other accounts' windows (New York): account-1 09:45-10:15.");
        assertThat(dialog.sizingProperty().get().anyChange()).isFalse();
        // the overlap permission alone changes nothing about the account
        dialog.form().allowOverlapProperty().set(true);
        assertThat(dialog.canApplyProperty().get()).isFalse();
    }

    @Test
    void beforeAndAfterSizingFollowTheEditAndMarkWhatChanges() {
        dialog.form().customAllocationProperty().set(true);
        dialog.form().sleeve(SleeveKind.GEN).targetProperty().set("50");
        dialog.form().sleeve(SleeveKind.REV).targetProperty().set("25");
        dialog.form().sleeve(SleeveKind.COM).targetProperty().set("25");

        assertThat(dialog.canApplyProperty().get()).isTrue();
        SizingComparison sizing = dialog.sizingProperty().get();
        assertThat(sizing.afterKnown()).isTrue();
        SizingComparison.Section gen = sizing.sections().getFirst();
        assertThat(gen.title()).isEqualTo("Gen-Acc  40% \u2192 50%");
        Map<String, SizingComparison.Line> lines = gen.lines().stream().collect(Collectors.toMap(SizingComparison.Line::label, Function.identity()));
        // $750,000: Gen 300,000 -> 375,000; deployable x0.95: 285,000 -> 356,250
        assertThat(shown(lines, "Capital")).isEqualTo(line("Capital", "$300,000", "$375,000", true));
        assertThat(shown(lines, "Deployable")).isEqualTo(line("Deployable", "$285,000", "$356,250", true));
        // TSLA: half of deployable, 142,500 / 40,000 = 3 -> 178,125 / 40,000 = 4
        assertThat(shown(lines, "TSLA")).isEqualTo(line("TSLA", "3 contracts, $120,000", "4 contracts, $160,000", true));
        // NVDA: 142,500 / 18,000 = 7 -> 178,125 / 18,000 = 9
        assertThat(shown(lines, "NVDA")).isEqualTo(line("NVDA", "7 contracts, $126,000", "9 contracts, $162,000", true));
        assertThat(shown(lines, "All symbols")).isEqualTo(line("All symbols", "10 contracts, $246,000", "13 contracts, $322,000", true));
        // Com-Acc 30% -> 25%: 225,000 -> 187,500, deployable 213,750 -> 178,125, per symbol half of that.
        // AAPL at $230: 106,875 / 23,000 = 4 -> 89,062.50 / 23,000 = 3
        // AMZN at $220: min(106,875, 213,750 - 92,000) / 22,000 = 4 -> min(89,062.50, 109,125) / 22,000 = 4, unchanged
        // MSFT at $450: the 33,750 / 21,125 left buy no contract either way
        Map<String, SizingComparison.Line> com = sizing.sections().get(2).lines().stream()
                .collect(Collectors.toMap(SizingComparison.Line::label, Function.identity()));
        assertThat(shown(com, "AAPL")).isEqualTo(line("AAPL", "4 contracts, $92,000", "3 contracts, $69,000", true));
        assertThat(shown(com, "AMZN")).isEqualTo(line("AMZN", "4 contracts, $88,000", "4 contracts, $88,000", false));
        assertThat(shown(com, "MSFT")).isEqualTo(line("MSFT", "0 contracts, $0", "0 contracts, $0", false));
    }

    /** A line as the dialog reads it: label, before, after, highlighted or not. */
    record Shown(String label, String before, String after, boolean changed) {
        static Shown of(SizingComparison.Line l) {
            return new Shown(l.label(), l.before().text(), l.after().text(), l.changed());
        }
    }

    static Shown line(String label, String before, String after, boolean changed) {
        return new Shown(label, before, after, changed);
    }

    @Test
    void addedAndRemovedSymbolsShowAsNotTradedOnTheOtherSide() {
        dialog.form().sleeve(SleeveKind.GEN).symbolsProperty().set("TSLA, SPY");
        Map<String, SizingComparison.Line> lines = dialog.sizingProperty().get().sections().getFirst().lines().stream()
                .collect(Collectors.toMap(SizingComparison.Line::label, Function.identity()));
        assertThat(shown(lines, "NVDA").after()).isEqualTo("not traded");
        assertThat(shown(lines, "SPY").before()).isEqualTo("not traded");
        // SPY $650: 142,500 / 65,000 = 2
        assertThat(shown(lines, "SPY").after()).isEqualTo("2 contracts, $130,000");
        // QQQ is known to the market but has no test price
        dialog.form().sleeve(SleeveKind.GEN).symbolsProperty().set("TSLA, QQQ");
        assertThat(dialog.sizingProperty().get().sections().getFirst().lines()).anySatisfy(l -> {
            assertThat(l.label()).isEqualTo("QQQ");
            assertThat(l.after().text()).isEqualTo("no price");
        });
    }

    static Shown shown(Map<String, SizingComparison.Line> lines, String label) {
        return Shown.of(lines.get(label));
    }

    @Test
    void invalidInputShowsItsMessageAndDisablesApply() {
        dialog.form().sleeve(SleeveKind.REV).deltaMaxProperty().set("1.2");
        assertThat(dialog.messages().get("rev.deltaMax")).startsWith("Rev-Acc maximum delta 1.2 is outside (0, 1)");
        assertThat(dialog.validProperty().get()).isFalse();
        assertThat(dialog.canApplyProperty().get()).isFalse();
        assertThat(dialog.sizingProperty().get().afterKnown()).isFalse();

        dialog.form().sleeve(SleeveKind.REV).deltaMaxProperty().set("0.45");
        assertThat(dialog.messages().errors()).isEmpty();
        assertThat(dialog.canApplyProperty().get()).isTrue();

        dialog.form().windowStartProperty().set("09:50");
        dialog.form().windowEndProperty().set("10:05");
        assertThat(dialog.messages().get("window")).startsWith("Window 09:50-10:05 overlaps account-1's window 09:45-10:15");
        assertThat(dialog.canApplyProperty().get()).isFalse();
        dialog.form().allowOverlapProperty().set(true);
        assertThat(dialog.canApplyProperty().get()).isTrue();
    }

    @Test
    void applyChangesTheAccountAtomicallyWithAnAuditLine() {
        dialog.form().customAllocationProperty().set(true);
        dialog.form().sleeve(SleeveKind.GEN).targetProperty().set("50");
        dialog.form().sleeve(SleeveKind.REV).targetProperty().set("20");
        dialog.form().sleeve(SleeveKind.COM).symbolsProperty().set("AAPL, MSFT");
        dialog.apply();

        assertThat(dialog.finishedProperty().get()).isTrue();
        Account stored = service.get(TWO);
        assertThat(dialog.appliedProperty().get()).isEqualTo(stored);
        assertThat(stored.config().target(SleeveKind.GEN).toString()).isEqualTo("50%");
        assertThat(stored.capital().of(SleeveKind.GEN)).isEqualTo(Money.ofDollars(375_000));
        assertThat(stored.totalCapital()).isEqualTo(Money.ofDollars(750_000));
        List<AuditEvent> audit = fixture.services.ledgers().forAccount(TWO).audit();
        assertThat(audit.getLast().kind()).isEqualTo(AuditKind.CONFIG_CHANGED);
        assertThat(audit.getLast().summary()).contains("Gen-Acc target 40% -> 50%").contains("Rev-Acc target 30% -> 20%");
    }

    @Test
    void aRefusedApplyShowsWhyAndLeavesTheAccountUnchanged() {
        AccountConfig before = service.get(TWO).config();
        int auditBefore = fixture.services.ledgers().forAccount(TWO).audit().size();
        dialog.form().windowStartProperty().set("11:00");
        dialog.form().windowEndProperty().set("11:30");
        assertThat(dialog.canApplyProperty().get()).isTrue();
        // meanwhile a new account takes that very window
        service.create(service.newAccountDraft().withConfig(service.newAccountDraft().config().withWindow("11:00", "11:30")));
        dialog.apply();

        assertThat(dialog.finishedProperty().get()).isFalse();
        assertThat(dialog.problemProperty().get()).startsWith("Not applied; the account is unchanged. Window 11:00-11:30 overlaps account-3's window");
        assertThat(dialog.messages().get("window")).contains("overlaps account-3's window 11:00-11:30");
        assertThat(dialog.canApplyProperty().get()).isFalse();
        assertThat(service.get(TWO).config()).isEqualTo(before);
        assertThat(fixture.services.ledgers().forAccount(TWO).audit()).hasSize(auditBefore);
        assertThat(dialog.form().otherWindowsText()).contains("account-3 11:00-11:30");
    }

    @Test
    void cancelChangesNothingButIsRefusedWhileApplying() {
        AccountConfig before = service.get(TWO).config();
        dialog.form().sleeve(SleeveKind.GEN).symbolsProperty().set("NVDA");
        assertThat(dialog.cancel()).isTrue();
        assertThat(dialog.appliedProperty().get()).isNull();
        assertThat(service.get(TWO).config()).isEqualTo(before);

        ManualUiExecutor manual = new ManualUiExecutor();
        ConfigureAccountViewModel slow = new ConfigureAccountViewModel(service, manual, TWO);
        slow.load();
        manual.runAll();
        slow.form().sleeve(SleeveKind.GEN).symbolsProperty().set("NVDA");
        manual.runAll();
        slow.apply();
        assertThat(slow.applyingProperty().get()).isTrue();
        assertThat(slow.cancel()).isFalse();
        manual.runAll();
        assertThat(slow.finishedProperty().get()).isTrue();
        assertThat(service.get(TWO).config().sleeve(SleeveKind.GEN).parameters().symbols()).extracting(s -> s.value()).containsExactly("NVDA");
    }

    @Test
    void anAccountThatAlreadySharesItsWindowKeepsThatPermission() {
        var draft = service.newAccountDraft();
        service.create(draft.withConfig(draft.config().withWindow("09:45", "10:15").withAllowOverlap(true)));
        ConfigureAccountViewModel shared = new ConfigureAccountViewModel(service, UiExecutor.direct(), new AccountId(draft.id()));
        shared.load();
        assertThat(shared.form().allowOverlapProperty().get()).isTrue();
        assertThat(shared.validProperty().get()).isTrue();
    }
}
