package io.alluse.engine;

import io.alluse.broker.Broker;
import io.alluse.broker.BrokerAccount;
import io.alluse.broker.BrokerException;
import io.alluse.broker.alpaca.AlpacaBroker;
import io.alluse.broker.alpaca.AlpacaCredentials;
import io.alluse.broker.alpaca.AlpacaMarket;
import io.alluse.broker.alpaca.AlpacaMode;
import io.alluse.broker.alpaca.AlpacaSettings;
import io.alluse.domain.Account;
import io.alluse.domain.AccountId;
import io.alluse.domain.BrokerConnection;
import io.alluse.domain.BrokerKind;
import io.alluse.domain.Money;
import io.alluse.market.MarketView;
import io.alluse.secrets.CredentialStore;
import io.alluse.secrets.Secret;
import io.alluse.secrets.VaultException;
import java.net.URI;
import java.util.Arrays;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Alpaca accounts: each main account's own key pair lives in the credential store (the OS
 * keychain, or the vault file where there is none: docs/decisions/0022) under names
 * derived from our account id ({@link #keyIdName}, {@link #secretName}); the account row holds
 * only the kind (paper or live) and Alpaca's account number. An account's adapter is built with
 * its own keys only, and checks that they lead to its own Alpaca account.
 */
public final class AlpacaBrokerages {

    private static final Logger log = LoggerFactory.getLogger(AlpacaBrokerages.class);

    private final CredentialStore store;
    private final MarketView market;
    private final Function<AlpacaMode, URI> endpoints;
    private final URI dataBase;

    /**
     * Accounts priced from the app's market instead of Alpaca's market data: for tests of the trading
     * plumbing only. Live accounts are refused ({@link #LIVE_NEEDS_MARKET_DATA}).
     *
     * @param market    quotes and chains for the strategies
     * @param endpoints the trading API base per mode: {@link AlpacaMode#tradingBase()} in the app, a loopback server in tests
     */
    public AlpacaBrokerages(CredentialStore store, MarketView market, Function<AlpacaMode, URI> endpoints) {
        this(store, market, endpoints, null);
    }

    /**
     * Accounts whose strategies read Alpaca's own contracts and quotes ({@link AlpacaMarket}), with each
     * account's keys.
     *
     * @param reference the app's market: clock, calendar, rates and price history for the Alpaca market view
     * @param dataBase  Alpaca's market data API ({@link AlpacaMarket#DATA_BASE}; a loopback server in tests), or null to price
     *                  from {@code reference} (tests of the trading plumbing)
     */
    public AlpacaBrokerages(CredentialStore store, MarketView reference, Function<AlpacaMode, URI> endpoints, URI dataBase) {
        this.store = store;
        this.market = reference;
        this.endpoints = endpoints;
        this.dataBase = dataBase;
    }

    /** Why live accounts are refused where Alpaca's market data is not wired: real-money orders must carry real prices. */
    public static final String LIVE_NEEDS_MARKET_DATA = "Live trading needs Alpaca's market data, which this setup does not read: the "
            + "strategies would price real-money orders from the built-in simulated market. Use Alpaca paper trading here.";

    /** What the user confirms before a live account is created. */
    public static final String LIVE_CONFIRMATION = "Live trading uses real money: orders go to your real Alpaca account.";

    /** True when the strategies of Alpaca accounts read Alpaca's own quotes (live accounts allowed). */
    public boolean readsAlpacaMarketData() {
        return dataBase != null;
    }

    /** Where the keys are kept: the OS keychain or the vault file. */
    public CredentialStore credentials() {
        return store;
    }

    public static String keyIdName(AccountId id) {
        return "alpaca/" + id.value() + "/key-id";
    }

    public static String secretName(AccountId id) {
        return "alpaca/" + id.value() + "/secret-key";
    }

    /** Tests the keys: account status, options approval and cash, as the wizard shows them before Create. */
    public ConnectionCheck check(BrokerSetup.Alpaca setup) {
        try {
            AlpacaBroker broker = adapter(setup.mode(), setup.liveConfirmed(), credentials(setup.keyId(), setup.secretKey()), null);
            if (setup.mode() == AlpacaMode.LIVE && !readsAlpacaMarketData()) {
                return ConnectionCheck.failed("Live trading is not available here", LIVE_NEEDS_MARKET_DATA);
            }
            BrokerAccount account = broker.account();
            String dataNote = marketDataNote(broker);
            String where = setup.mode() == AlpacaMode.PAPER ? "Alpaca paper account " : "Alpaca LIVE account ";
            String options = account.optionsApproved() ? "Options approved (cash-secured puts and covered calls allowed)."
                    : "Options NOT approved: request options trading (level 1 or higher) in Alpaca's dashboard before trading.";
            String summary = where + account.accountId() + ": " + account.status();
            boolean usable = account.optionsApproved() && account.status().equals("ACTIVE") && dataNote.startsWith(DATA_OK);
            String[] details = {setup.mode() == AlpacaMode.LIVE ? LIVE_CONFIRMATION + " " + options : options, dataNote, "Cash " + account.cash().format() + ", options buying power " + account.buyingPower().format()
                    + ", equity " + account.equity().format() + ".",
                    "The ledger starts with the initial capital you enter; a difference to Alpaca's cash is booked on the first sync as an external deposit or withdrawal."};
            return usable ? ConnectionCheck.ok(summary, details) : ConnectionCheck.failed(summary, details);
        } catch (BrokerException | IllegalArgumentException e) {
            return ConnectionCheck.failed("Connection to Alpaca failed", e.getMessage());
        }
    }

    /** The cash the account reached with these keys holds now. */
    public Money cash(BrokerSetup.Alpaca setup) {
        return adapter(setup.mode(), setup.liveConfirmed(), credentials(setup.keyId(), setup.secretKey()), null).account().cash();
    }

    /** Checks the account is usable, then stores its keys in the credential store (a vault must be unlocked). */
    public Brokerages.Opened open(AccountId id, BrokerSetup.Alpaca setup, Money initialCapital) {
        if (setup.mode() == AlpacaMode.LIVE && !readsAlpacaMarketData()) {
            throw new BrokerException(BrokerException.Kind.REJECTED, LIVE_NEEDS_MARKET_DATA);
        }
        if (setup.mode() == AlpacaMode.LIVE && !setup.liveConfirmed()) {
            throw new BrokerException(BrokerException.Kind.REJECTED, LIVE_CONFIRMATION + " Confirm live trading for this account, or choose paper trading.");
        }
        requireUnlocked();
        AlpacaBroker broker = adapter(setup.mode(), setup.liveConfirmed(), credentials(setup.keyId(), setup.secretKey()), null);
        BrokerAccount account = broker.account();
        if (!account.optionsApproved()) {
            throw new BrokerException(BrokerException.Kind.NOT_APPROVED, "Alpaca account " + account.accountId()
                    + " is not approved for options trading: request level 1 or higher in Alpaca's dashboard, then create the account.");
        }
        if (!broker.positions().isEmpty() || !broker.openOrders().isEmpty()) {
            throw new BrokerException(BrokerException.Kind.REJECTED, "Alpaca account " + account.accountId()
                    + " holds positions or open orders. Start with an account that holds only cash, so that its ledger begins where the broker is.");
        }
        String cursor = broker.openingCursor();
        store.put(keyIdName(id), setup.keyId());
        store.put(secretName(id), setup.secretKey());
        log.info("Account {} connected to Alpaca {} account {}; keys stored in {}", id, setup.mode(), account.accountId(), store.where());
        BrokerKind kind = setup.kind();
        return new Brokerages.Opened(new BrokerConnection(kind, account.accountId()), new Brokerages.OpeningBalance(cursor, account.cash()));
    }

    /**
     * The account's adapter, built with its own keys from the credential store on its first call,
     * on the account's own lane: a locked vault (after a restart), a keychain that does not answer
     * or asks the user first, or missing keys then fail that account's calls, saying why, and
     * never keep the engine from loading the account or the others. Once built it is kept.
     */
    public Broker connect(Account account) {
        BrokerKind kind = account.broker().kind();
        if (kind != BrokerKind.ALPACA_PAPER && kind != BrokerKind.ALPACA_LIVE) {
            throw new IllegalArgumentException(account.id() + " does not trade at Alpaca");
        }
        return new VaultGatedBroker(account.broker().externalAccountId(), () -> connectNow(account));
    }

    private Broker connectNow(Account account) {
        BrokerKind kind = account.broker().kind();
        if (!store.isOpen()) {
            throw new BrokerException(BrokerException.Kind.AUTHENTICATION,
                    "The credential vault is locked: enter its passphrase so that " + account.id() + " can reach Alpaca.");
        }
        try {
            Secret keyId = store.get(keyIdName(account.id())).orElseThrow(() -> missingKeys(account));
            Secret secret = store.get(secretName(account.id())).orElseThrow(() -> missingKeys(account));
            // the account row's kind is the user's confirmed choice: a live account was confirmed when it was created
            AlpacaMode mode = kind == BrokerKind.ALPACA_LIVE ? AlpacaMode.LIVE : AlpacaMode.PAPER;
            return adapter(mode, true, credentials(keyId, secret), account.broker().externalAccountId());
        } catch (VaultException e) {
            throw new BrokerException(BrokerException.Kind.AUTHENTICATION, e.getMessage(), e);
        }
    }

    private BrokerException missingKeys(Account account) {
        return new BrokerException(BrokerException.Kind.AUTHENTICATION, "No Alpaca keys for " + account.id()
                + " in " + store.where() + ": enter them again in the account's brokerage settings.");
    }

    private void requireUnlocked() {
        if (!store.isOpen()) {
            throw new VaultException(VaultException.Kind.LOCKED, "The credential vault is locked: enter its passphrase first.");
        }
    }

    private AlpacaBroker adapter(AlpacaMode mode, boolean liveConfirmed, AlpacaCredentials credentials, String expectedAccount) {
        AlpacaSettings settings = AlpacaSettings.at(mode, endpoints.apply(mode), liveConfirmed);
        MarketView view = dataBase == null ? market : AlpacaMarket.create(settings, dataBase, credentials, market);
        return new AlpacaBroker(settings, credentials, view, expectedAccount);
    }

    private static final String DATA_OK = "Market data: ";
    /** A symbol every options account can read, to test market data access before Create. */
    private static final io.alluse.domain.Symbol PROBE = new io.alluse.domain.Symbol("AAPL");

    /** Whether the keys may read Alpaca's market data (a stock price and AAPL's option listing). */
    private String marketDataNote(AlpacaBroker broker) {
        if (!(broker.market() instanceof AlpacaMarket data)) {
            return DATA_OK + "the built-in simulated market prices this account's options (test setup).";
        }
        try {
            data.spot(PROBE);
            data.expiries(PROBE);
            return DATA_OK + "Alpaca's stock prices and option contracts readable; option quotes come from the OPRA feed if the "
                    + "account subscribes to it, else from the free indicative feed (15 minutes delayed).";
        } catch (BrokerException | io.alluse.market.MarketDataException e) {
            return "Market data NOT readable: " + e.getMessage();
        }
    }

    private static AlpacaCredentials credentials(Secret keyId, Secret secret) {
        char[] chars = secret.chars();
        try {
            return new AlpacaCredentials(keyId.reveal(), chars);
        } finally {
            Arrays.fill(chars, '\0');
        }
    }
}
