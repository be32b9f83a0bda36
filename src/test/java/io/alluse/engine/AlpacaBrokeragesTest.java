package io.alluse.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.alluse.broker.Broker;
import io.alluse.broker.BrokerException;
import io.alluse.broker.alpaca.AlpacaMode;
import io.alluse.broker.alpaca.FakeAlpaca;
import io.alluse.broker.alpaca.FakeAlpaca.Reply;
import io.alluse.domain.AccountId;
import io.alluse.domain.BrokerKind;
import io.alluse.domain.Money;
import io.alluse.secrets.KdfParameters;
import io.alluse.secrets.Secret;
import io.alluse.secrets.SecretVault;
import io.alluse.secrets.VaultException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Alpaca accounts in the engine: keys from the vault per account, refusals that name the fix. */
class AlpacaBrokeragesTest {

    static final AccountId ID = new AccountId("account-7");
    static final char[] PASS = "engine test passphrase".toCharArray();

    @TempDir
    Path dir;
    final FakeAlpaca alpaca = new FakeAlpaca().healthyAccount();

    @AfterEach
    void stop() {
        alpaca.close();
    }

    private SecretVault vault() {
        return SecretVault.at(dir.resolve("credentials.vault"), new KdfParameters(1024, 1, 1));
    }

    private AlpacaBrokerages brokerages(SecretVault vault) {
        return new AlpacaBrokerages(vault, null, mode -> alpaca.base());
    }

    private static BrokerSetup.Alpaca setup(AlpacaMode mode, boolean confirmed) {
        return new BrokerSetup.Alpaca(mode, Secret.of("PKENGINE0001"), Secret.of("engine-secret"), confirmed);
    }

    @Test
    void openingStoresTheKeysInTheVaultAndStartsTheFeedAtAlpacasNewestActivity() {
        alpaca.on("GET", "/v2/account/activities", Reply.json(200, "[{\"id\":\"20261120000000000::abc\",\"activity_type\":\"CSD\","
                + "\"date\":\"2026-11-20\",\"net_amount\":\"500000\"}]"));
        SecretVault vault = vault();
        vault.unlock(PASS);
        Brokerages.Opened opened = brokerages(vault).open(ID, setup(AlpacaMode.PAPER, false), Money.ofDollars(500_000));

        assertThat(opened.connection().kind()).isEqualTo(BrokerKind.ALPACA_PAPER);
        assertThat(opened.connection().externalAccountId()).isEqualTo("PA3TESTACCT1");
        assertThat(opened.opening().activityId()).isEqualTo("opening:20261120000000000::abc");
        assertThat(opened.opening().amount()).isEqualTo(Money.ofCents(50_000_012));
        assertThat(vault.names()).containsExactly(AlpacaBrokerages.keyIdName(ID), AlpacaBrokerages.secretName(ID));
        assertThat(alpaca.received("GET", "/v2/account/activities").getFirst().query()).contains("direction=desc").contains("page_size=1");
    }

    @Test
    void anAccountsBrokerUsesItsOwnKeysFromTheVault() {
        SecretVault vault = vault();
        vault.unlock(PASS);
        AlpacaBrokerages alpacas = brokerages(vault);
        alpacas.open(ID, setup(AlpacaMode.PAPER, false), Money.ofDollars(500_000));
        var account = alpacaAccount(ID, "PA3TESTACCT1");
        Broker broker = alpacas.connect(account);
        assertThat(broker.account().accountId()).isEqualTo("PA3TESTACCT1");
        assertThat(alpaca.received("GET", "/v2/account").getLast().header("APCA-API-SECRET-KEY")).isEqualTo("engine-secret");

        // after a restart the vault is locked until the passphrase is entered: only this account fails, saying why
        // (the engine must still be able to load the account, so connecting gives a broker whose calls fail until then)
        SecretVault locked = vault();
        var gated = brokerages(locked).connect(account);
        assertThat(gated.accountId()).isEqualTo("PA3TESTACCT1");
        assertThatThrownBy(gated::account)
                .isInstanceOfSatisfying(BrokerException.class, e -> assertThat(e.kind()).isEqualTo(BrokerException.Kind.AUTHENTICATION))
                .hasMessageContaining("vault is locked");
        locked.unlock(PASS);
        assertThat(gated.account().accountId()).as("connects on the first call after unlocking").isEqualTo("PA3TESTACCT1");
        var other = alpacaAccount(new AccountId("account-8"), "PA3OTHER");
        // an account without keys still loads; its calls fail saying so (and where they were looked for)
        var keyless = brokerages(locked).connect(other);
        assertThatThrownBy(keyless::account).hasMessageContaining("No Alpaca keys for account-8").hasMessageContaining(locked.file().toString());
    }

    /** Only id and broker matter to connecting. */
    private static io.alluse.domain.Account alpacaAccount(AccountId id, String alpacaNumber) {
        return new io.alluse.domain.Account(id, id.value(), Money.ofDollars(500_000), io.alluse.domain.AccountStatus.ACTIVE, null, null,
                new io.alluse.domain.BrokerConnection(BrokerKind.ALPACA_PAPER, alpacaNumber), java.time.Instant.EPOCH);
    }

    @Test
    void refusalsChangeNothing() {
        SecretVault vault = vault();
        assertThatThrownBy(() -> brokerages(vault).open(ID, setup(AlpacaMode.PAPER, false), Money.ofDollars(1)))
                .isInstanceOf(VaultException.class).hasMessageContaining("locked");
        vault.unlock(PASS);
        assertThatThrownBy(() -> brokerages(vault).open(ID, setup(AlpacaMode.LIVE, true), Money.ofDollars(1)))
                .hasMessageContaining("Live trading needs Alpaca's market data");
        alpaca.on("GET", "/v2/positions", Reply.fixture("positions.json"));
        assertThatThrownBy(() -> brokerages(vault).open(ID, setup(AlpacaMode.PAPER, false), Money.ofDollars(1)))
                .hasMessageContaining("holds positions or open orders");
        alpaca.on("GET", "/v2/account", Reply.fixture("account-no-options.json"));
        assertThatThrownBy(() -> brokerages(vault).open(ID, setup(AlpacaMode.PAPER, false), Money.ofDollars(1)))
                .hasMessageContaining("not approved for options");
        assertThat(vault.names()).isEmpty();

        ConnectionCheck check = brokerages(vault).check(setup(AlpacaMode.PAPER, false));
        assertThat(check.ok()).isFalse();
        assertThat(check.details()).anySatisfy(d -> assertThat(d).contains("Options NOT approved"));
        assertThat(brokerages(vault).check(setup(AlpacaMode.LIVE, false)).details())
                .anySatisfy(d -> assertThat(d).contains("confirm live trading"));
    }

    private AlpacaBrokerages withMarketData(SecretVault vault) {
        var clock = new io.alluse.market.clock.SimulatedClock(java.time.Instant.parse("2026-11-23T15:00:00Z"));
        return new AlpacaBrokerages(vault, io.alluse.market.sim.SimulatedMarket.withDefaults(clock, 3), mode -> alpaca.base(), alpaca.base());
    }

    private void marketDataReadable() {
        alpaca.on("GET", "/v2/stocks/AAPL/snapshot", Reply.json(200, "{\"symbol\":\"AAPL\",\"latestTrade\":{\"p\":231.5}}"));
        alpaca.on("GET", "/v2/options/contracts", Reply.json(200, "{\"option_contracts\":[{\"symbol\":\"AAPL261127P00230000\","
                + "\"expiration_date\":\"2026-11-27\",\"type\":\"put\",\"strike_price\":\"230\",\"tradable\":true}],\"next_page_token\":null}"));
    }

    @Test
    void liveAccountsNeedTheRealMoneyConfirmationAndAlpacasMarketData() {
        SecretVault vault = vault();
        vault.unlock(PASS);
        marketDataReadable();
        assertThatThrownBy(() -> withMarketData(vault).open(ID, setup(AlpacaMode.LIVE, false), Money.ofDollars(1)))
                .hasMessageContaining("Live trading uses real money");
        assertThat(withMarketData(vault).check(setup(AlpacaMode.LIVE, false)).ok()).isFalse();
        assertThat(vault.names()).isEmpty();

        ConnectionCheck check = withMarketData(vault).check(setup(AlpacaMode.LIVE, true));
        assertThat(check.ok()).as(String.join(" / ", check.details())).isTrue();
        assertThat(check.summary()).contains("LIVE");
        assertThat(check.details()).anySatisfy(d -> assertThat(d).contains("Live trading uses real money"))
                .anySatisfy(d -> assertThat(d).contains("option contracts readable"));

        Brokerages.Opened opened = withMarketData(vault).open(ID, setup(AlpacaMode.LIVE, true), Money.ofDollars(500_000));
        assertThat(opened.connection().kind()).isEqualTo(BrokerKind.ALPACA_LIVE);
        var account = new io.alluse.domain.Account(ID, ID.value(), Money.ofDollars(500_000), io.alluse.domain.AccountStatus.ACTIVE, null, null,
                opened.connection(), java.time.Instant.EPOCH);
        assertThat(withMarketData(vault).connect(account).market()).as("strategies read Alpaca's quotes")
                .isInstanceOf(io.alluse.broker.alpaca.AlpacaMarket.class);
    }

    @Test
    void theConnectionTestSaysWhenTheKeysMayNotReadMarketData() {
        SecretVault vault = vault();
        alpaca.on("GET", "/v2/stocks/AAPL/snapshot", Reply.error(403, 40310000, "forbidden"));
        ConnectionCheck check = withMarketData(vault).check(setup(AlpacaMode.PAPER, false));
        assertThat(check.ok()).isFalse();
        assertThat(check.details()).anySatisfy(d -> assertThat(d).contains("Market data NOT readable").contains("approved for options trading"));
    }
}
