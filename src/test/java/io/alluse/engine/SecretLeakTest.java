package io.alluse.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.core.FileAppender;
import io.alluse.broker.alpaca.AlpacaMode;
import io.alluse.broker.alpaca.FakeAlpaca;
import io.alluse.broker.alpaca.FakeAlpaca.Reply;
import io.alluse.broker.paper.PaperBrokerage;
import io.alluse.domain.Account;
import io.alluse.domain.AccountStatus;
import io.alluse.domain.BrokerKind;
import io.alluse.domain.Money;
import io.alluse.market.clock.SimulatedClock;
import io.alluse.market.sim.SimulatedMarket;
import io.alluse.secrets.KdfParameters;
import io.alluse.secrets.Secret;
import io.alluse.secrets.SecretVault;
import io.alluse.store.AccountRepository;
import io.alluse.store.Backups;
import io.alluse.store.Database;
import io.alluse.store.LedgerStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Issue 8's scan (with the vault file; {@link #withTheKeychainNoSecretReachesTheFolderLogsOrMessages} for the OS keychain): known keys and passphrase go through a whole life (vault created, connection
 * tested, account created on Alpaca, synced, then the keys refused), with every logger at DEBUG;
 * then the database, the logs, a backup (unzipped), the exports, the vault file and every exception message and
 * event are searched byte by byte for the secrets, and none is found.
 */
class SecretLeakTest {

    static final String KEY_ID = "PKLEAKCHECK7Q3Z9XW2";
    static final String SECRET = "leak-check-SECRET-0c9b8a7f6e5d4c3b2a19";
    static final String PASSPHRASE = "leak check vault passphrase";

    @TempDir
    Path dir;

    @Test
    void noSecretReachesTheDatabaseLogsBackupsOrMessages() throws Exception {
        Path logFile = dir.resolve("logs/debug.log");
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        ch.qos.logback.classic.Logger root = logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level before = root.getLevel();
        FileAppender<ch.qos.logback.classic.spi.ILoggingEvent> file = debugLog(logging, logFile);
        root.addAppender(file);
        root.setLevel(Level.DEBUG);
        List<String> messages = new CopyOnWriteArrayList<>();
        try (FakeAlpaca alpaca = new FakeAlpaca().healthyAccount(); Database database = Database.open(dir)) {
            SimulatedClock clock = new SimulatedClock(EngineFixture.MONDAY_0800);
            SimulatedMarket market = SimulatedMarket.withDefaults(clock, 8);
            SecretVault vault = SecretVault.at(dir.resolve("credentials.vault"), new KdfParameters(1024, 1, 1));
            AllBrokerages brokerages = new AllBrokerages(new PaperBrokerages(new PaperBrokerage(database.dataSource(), market)),
                    new AlpacaBrokerages(vault, market, mode -> alpaca.base()));
            AccountService accounts = new AccountService(new AccountRepository(database), market, clock::now,
                    s -> java.util.Optional.of(Money.roundedFrom(market.spot(s))), brokerages);
            Engine engine = new Engine(accounts, new LedgerStore(database), brokerages, TimeControl.simulated(clock, Double.POSITIVE_INFINITY),
                    new CycleSchedule(market.calendar(), Duration.ofMinutes(15)), EngineSettings.DEFAULT);
            engine.events().subscribe(e -> messages.add(e.toString()));

            vault.unlock(PASSPHRASE.toCharArray());
            BrokerSetup.Alpaca setup = new BrokerSetup.Alpaca(AlpacaMode.PAPER, Secret.of(KEY_ID), Secret.of(SECRET), false);
            messages.add(setup.toString());
            ConnectionCheck check = accounts.checkBroker(setup, new io.alluse.domain.AccountId("account-1"));
            messages.add(check.toString());
            assertThat(check.ok()).as(check.toString()).isTrue();

            Account account = accounts.create(accounts.newAccountDraft(), setup);
            assertThat(account.broker().kind()).isEqualTo(BrokerKind.ALPACA_PAPER);
            assertThat(account.broker().externalAccountId()).isEqualTo("PA3TESTACCT1");
            messages.add(account.toString());
            engine.manage(account);
            engine.syncNow(account.id()).get();

            // the keys are revoked at Alpaca: the account fails, with messages that name the problem, not the keys
            alpaca.on("GET", "/v2/account", Reply.error(401, 40110000, "request is not authorized"));
            try {
                engine.syncNow(account.id()).get();
            } catch (ExecutionException e) {
                for (Throwable t = e; t != null; t = t.getCause()) {
                    messages.add(String.valueOf(t));
                }
            }
            engine.runtime().forEach(r -> messages.add(r.toString()));
            assertThat(String.join("\n", messages)).contains("refused the API keys");
            accounts.setStatus(account.id(), AccountStatus.PAUSED, "scan");

            new Backups(dir, 3).take(database, "scan", clock.now());
            // and the exports a user would send to an accountant
            io.alluse.analytics.Exports exports = new io.alluse.analytics.Exports(new AccountRepository(database), new LedgerStore(database));
            Path transactions = dir.resolve("transactions.csv");
            io.alluse.analytics.export.ExportFile.writeAtomically(transactions, exports.transactionsCsv(java.util.Optional.empty()));
            io.alluse.analytics.export.ExportFile.writeAtomically(dir.resolve("gains.csv"),
                    exports.gains(clock.now().atZone(java.time.ZoneOffset.UTC).getYear(), java.util.Optional.empty()).csv());
            assertThat(Files.readString(transactions)).as("the export holds the account's ledger").contains(account.id().value());
            engine.close();
            // the wrong passphrase's message too
            try {
                SecretVault.at(vault.file()).unlock("not the passphrase at all".toCharArray());
            } catch (RuntimeException e) {
                messages.add(e.getMessage());
            }
        } finally {
            root.setLevel(before);
            root.detachAppender(file);
            file.stop();
        }

        assertThat(Files.readString(logFile)).as("the debug log was written").contains("Alpaca GET /v2/account -> 401");
        List<String> secrets = List.of(KEY_ID, SECRET, PASSPHRASE);
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                byte[] bytes = Files.readAllBytes(f);
                found.addAll(scan(f.toString(), bytes, secrets));
                if (f.toString().endsWith(".zip")) {
                    found.addAll(scanZip(f, secrets));
                }
            }
        }
        found.addAll(scan("messages", String.join("\n", messages).getBytes(StandardCharsets.UTF_8), secrets));
        assertThat(found).isEmpty();
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.map(Path::toString)).anyMatch(p -> p.endsWith(".mv.db")).anyMatch(p -> p.endsWith(".zip"))
                    .anyMatch(p -> p.endsWith("credentials.vault"));
        }
    }

    /**
     * With the OS keychain as the store the keys never touch the data folder, and a keychain that
     * fails (here: no Secret Service session in this JVM, so storing fails) names the entry, not
     * the key, in every message and cause, at debug level too. Where a keychain does answer (a
     * developer's desktop) the entries are removed again.
     */
    @Test
    void withTheKeychainNoSecretReachesTheFolderLogsOrMessages() throws Exception {
        Path logFile = dir.resolve("logs/debug.log");
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        ch.qos.logback.classic.Logger root = logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level before = root.getLevel();
        FileAppender<ch.qos.logback.classic.spi.ILoggingEvent> file = debugLog(logging, logFile);
        root.addAppender(file);
        root.setLevel(Level.DEBUG);
        List<String> messages = new ArrayList<>();
        io.alluse.secrets.OsKeychain keychain = io.alluse.secrets.KeychainTesting.keychainFor(dir);
        io.alluse.domain.AccountId id = new io.alluse.domain.AccountId("account-1");
        try (FakeAlpaca alpaca = new FakeAlpaca().healthyAccount()) {
            SimulatedMarket market = SimulatedMarket.withDefaults(new SimulatedClock(EngineFixture.MONDAY_0800), 8);
            AlpacaBrokerages alpacas = new AlpacaBrokerages(keychain, market, mode -> alpaca.base());
            BrokerSetup.Alpaca setup = new BrokerSetup.Alpaca(AlpacaMode.PAPER, Secret.of(KEY_ID), Secret.of(SECRET), false);
            messages.add(alpacas.check(setup).toString());
            try {
                alpacas.open(id, setup, Money.ofDollars(500_000));
                messages.add("stored in " + keychain.where());
                var account = new Account(id, "A", Money.ofDollars(500_000), AccountStatus.ACTIVE, null, null,
                        new io.alluse.domain.BrokerConnection(BrokerKind.ALPACA_PAPER, "PA3TESTACCT1"), java.time.Instant.EPOCH);
                messages.add(alpacas.connect(account).account().toString());
            } catch (RuntimeException e) {
                for (Throwable t = e; t != null; t = t.getCause()) {
                    messages.add(String.valueOf(t));
                }
            }
        } finally {
            root.setLevel(before);
            root.detachAppender(file);
            file.stop();
            try {
                keychain.remove(AlpacaBrokerages.keyIdName(id));
                keychain.remove(AlpacaBrokerages.secretName(id));
            } catch (RuntimeException unreachable) {
                // nothing was stored
            }
        }
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                found.addAll(scan(f.toString(), Files.readAllBytes(f), List.of(KEY_ID, SECRET)));
            }
        }
        found.addAll(scan("messages", String.join("\n", messages).getBytes(StandardCharsets.UTF_8), List.of(KEY_ID, SECRET)));
        assertThat(found).as(String.join("\n", messages)).isEmpty();
        assertThat(String.join("\n", messages)).as("the keychain path was taken").containsAnyOf("Secret Service", "Keychain", "Credential Manager");
        assertThat(Files.readString(logFile)).as("the debug log was written").contains("Alpaca GET /v2/account");
        assertThat(dir.resolve("credentials.vault")).doesNotExist();
    }

    @Test
    void theScanFindsASecretWhereOneIs() throws IOException {
        byte[] plain = ("prefix " + SECRET + " suffix").getBytes(StandardCharsets.UTF_8);
        byte[] utf16 = ("x" + KEY_ID).getBytes(StandardCharsets.UTF_16BE);
        assertThat(scan("plain", plain, List.of(SECRET))).hasSize(1);
        assertThat(scan("utf16", utf16, List.of(KEY_ID))).hasSize(1);
        Path zip = dir.resolve("t.zip");
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("db"));
            out.write(plain);
            out.closeEntry();
        }
        assertThat(scanZip(zip, List.of(SECRET))).hasSize(1);
    }

    private static FileAppender<ch.qos.logback.classic.spi.ILoggingEvent> debugLog(LoggerContext context, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%d %-5level [%thread] %logger - %msg%n%ex");
        encoder.start();
        FileAppender<ch.qos.logback.classic.spi.ILoggingEvent> appender = new FileAppender<>();
        appender.setContext(context);
        appender.setFile(file.toString());
        appender.setEncoder(encoder);
        appender.start();
        return appender;
    }

    /** Finds each secret as UTF-8 and as UTF-16 (big and little endian): Java and H2 store text either way. */
    private static List<String> scan(String where, byte[] haystack, List<String> secrets) {
        List<String> hits = new ArrayList<>();
        for (String s : secrets) {
            for (var cs : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16BE, StandardCharsets.UTF_16LE)) {
                if (indexOf(haystack, s.getBytes(cs)) >= 0) {
                    hits.add(where + " holds a secret (" + cs + ")");
                }
            }
        }
        return hits;
    }

    private static List<String> scanZip(Path zip, List<String> secrets) throws IOException {
        List<String> hits = new ArrayList<>();
        try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
                hits.addAll(scan(zip + "!" + e.getName(), z.readAllBytes(), secrets));
            }
        }
        return hits;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
