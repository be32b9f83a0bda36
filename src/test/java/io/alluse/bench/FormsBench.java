package io.alluse.bench;

import io.alluse.domain.AccountDraft;
import io.alluse.domain.AccountId;
import io.alluse.domain.AccountValidator;
import io.alluse.domain.ExecutionWindow;
import io.alluse.domain.Money;
import io.alluse.domain.NewAccount;
import io.alluse.domain.SleeveKind;
import io.alluse.domain.SymbolCatalog;
import io.alluse.domain.Validated;
import io.alluse.engine.ConnectionCheck;
import io.alluse.ui.common.FieldMessages;
import io.alluse.ui.config.AllocationPreview;
import io.alluse.ui.wizard.AccountReview;
import io.alluse.domain.BrokerKind;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the wizard does on the FX thread for every keystroke: validate the whole draft against the
 * existing accounts, recompute the dollar preview, update the field messages and the review. It runs
 * synchronously (no background hop, so messages never lag behind the text), which is fine only if it
 * stays far inside a 16 ms frame. Target: at most 4 ms (a quarter of a 60 Hz frame) per keystroke
 * with 1,000 accounts.
 */
final class FormsBench implements BenchSection {

    @Override
    public String name() {
        return "forms";
    }

    @Override
    public void run(BenchReport report, BenchOptions options) {
        for (int accounts : options.quick() ? new int[] {100} : new int[] {0, 1_000, 10_000}) {
            // about the same total time per size: the window check grows with the number of accounts
            int keystrokes = options.quick() ? 200 : accounts >= 10_000 ? 200 : 2_000;
            AccountValidator.Existing existing = existing(accounts);
            AccountValidator validator = new AccountValidator(SymbolCatalog.ANY);
            AccountDraft valid = AccountDraft.defaults("new-one", "New one", ExecutionWindow.of("15:20", "15:30"));
            // the worst case: every window is checked before the draft's free one is found; half the keystrokes leave it invalid
            AccountDraft invalid = valid.withCapital("12x").withConfig(valid.config().withSleeve(SleeveKind.GEN,
                    valid.config().sleeve(SleeveKind.GEN).withDelta("0.6", "0.5")));
            FieldMessages messages = new FieldMessages();
            double sink = 0;
            double[] perKeystroke = new double[options.quick() ? 3 : 5];
            for (int run = -2; run < perKeystroke.length; run++) {
                long start = System.nanoTime();
                for (int k = 0; k < keystrokes; k++) {
                    AccountDraft draft = (k & 1) == 0 ? valid : invalid;
                    Validated<NewAccount> result = validator.validateNew(draft, existing);
                    messages.show(result.errors());
                    AllocationPreview preview = AllocationPreview.of(Optional.of(Money.ofDollars(500_000)), draft.config());
                    sink += preview.rows().size();
                    if (result instanceof Validated.Valid<NewAccount>(NewAccount spec)) {
                        sink += AccountReview.of(spec, BrokerKind.PAPER, ConnectionCheck.ok("ok"), false).sections().size();
                    }
                }
                if (run >= 0) {
                    perKeystroke[run] = (System.nanoTime() - start) / 1e6 / keystrokes;
                }
            }
            Arrays.sort(perKeystroke);
            double median = perKeystroke[perKeystroke.length / 2];
            String label = String.format(java.util.Locale.ROOT, "one keystroke, %,d existing accounts (median)", accounts);
            if (accounts == 1_000) {
                report.figure(label, median * 1000, "us", BenchReport.Target.atMost(4_000));
            } else {
                report.figure(label, median * 1000, "us");
            }
            if (sink == 42.4242) {
                report.note("(sink)");
            }
        }
    }

    /** {@code n} accounts with 5-minute windows packed from 09:45 (many share a slot, as after the 70th account). */
    private static AccountValidator.Existing existing(int n) {
        Set<AccountId> ids = new HashSet<>();
        Map<AccountId, ExecutionWindow> windows = new HashMap<>();
        for (int i = 1; i <= n; i++) {
            AccountId id = new AccountId("account-" + i);
            ids.add(id);
            LocalTime start = LocalTime.of(9, 45).plusMinutes(5L * (i % 66));
            windows.put(id, new ExecutionWindow(start, start.plusMinutes(5)));
        }
        return new AccountValidator.Existing(ids, windows);
    }
}
