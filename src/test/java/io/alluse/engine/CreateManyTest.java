package io.alluse.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.alluse.domain.Account;
import io.alluse.domain.AccountDraft;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Creating many accounts at once gives exactly what creating them one by one through the wizard's path gives. */
class CreateManyTest {

    private static final UnaryOperator<AccountDraft> OVERLAP = d -> d.withConfig(d.config().withAllowOverlap(true));

    /** What an account is, without when it was made. */
    private static List<String> described(List<Account> accounts) {
        return accounts.stream().map(a -> a.id() + " " + a.name() + " " + a.status() + " " + a.initialCapital() + " " + a.config() + " "
                + a.broker()).toList();
    }

    private static List<Account> oneByOne(EngineFixture f, int count, UnaryOperator<AccountDraft> adjust) {
        for (int i = 0; i < count; i++) {
            f.accounts.create(adjust.apply(f.accounts.newAccountDraft()));
        }
        return f.accounts.accounts();
    }

    @Test
    void manyAtOnceEqualsOneByOneFromNoAccountsPastTheFreeWindows(@TempDir Path one, @TempDir Path two) throws Exception {
        // more accounts than free windows, so the suggestions go on to shared 5-minute slots
        int count = 100;
        try (EngineFixture a = new EngineFixture(one, 42); EngineFixture b = new EngineFixture(two, 42)) {
            List<Account> expected = oneByOne(a, count, OVERLAP);
            b.accounts.createMany(count, OVERLAP);
            assertThat(described(b.accounts.accounts())).isEqualTo(described(expected)).hasSize(count);
            assertThat(b.engine.runtime()).as("the engine manages each at once").hasSize(count);
        }
    }

    @Test
    void manyAtOnceAfterExistingAccountsContinuesTheirIdsAndWindows(@TempDir Path one, @TempDir Path two) throws Exception {
        try (EngineFixture a = new EngineFixture(one, 42); EngineFixture b = new EngineFixture(two, 42)) {
            oneByOne(a, 3, d -> d);
            oneByOne(b, 3, d -> d);
            a.accounts.setStatus(new io.alluse.domain.AccountId("account-2"), io.alluse.domain.AccountStatus.CLOSED, "test");
            b.accounts.setStatus(new io.alluse.domain.AccountId("account-2"), io.alluse.domain.AccountStatus.CLOSED, "test");
            List<Account> expected = oneByOne(a, 5, d -> d);
            b.accounts.createMany(5, d -> d);
            assertThat(described(b.accounts.accounts())).isEqualTo(described(expected)).hasSize(8);
        }
    }
}
