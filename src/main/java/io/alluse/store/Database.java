package io.alluse.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.alluse.domain.AccountId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.Transaction;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.context.spi.CurrentTenantIdentifierResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded H2 database in one data folder: a connection pool, versioned migrations
 * (Flyway), and Hibernate validating its mapping against what the migrations built.
 *
 * <p>Ledger rows carry their account as Hibernate's tenant id: a session opened for one account
 * sees and writes only that account's rows. Portfolio-wide reads use the root tenant.
 */
public final class Database implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Database.class);

    /** H2 adds {@code .mv.db}. */
    public static final String FILE_STEM = "alluse";
    public static final String FILE_NAME = FILE_STEM + ".mv.db";
    static final String ROOT_TENANT = "*";

    private static final List<Class<?>> ENTITIES = List.of(AccountEntity.class, SleeveEntity.class, LedgerEntryEntity.class,
            PositionEntity.class, OrderEntity.class, CashFlowEntity.class, AuditEventEntity.class, CycleRunEntity.class, BrokerSyncEntity.class,
            EquitySnapshotEntity.class, AppSettingEntity.class, ForkRuleEntity.class, AccountLineageEntity.class, ForkEventEntity.class,
            MergeTransferEntity.class);

    private final Path directory;
    private final HikariDataSource dataSource;
    private final SessionFactory sessionFactory;
    private final LedgerCache ledgerCache = new LedgerCache();
    private final GroupCheckpoint checkpoints = new GroupCheckpoint(() -> execute("CHECKPOINT"));

    private Database(Path directory, HikariDataSource dataSource, SessionFactory sessionFactory) {
        this.directory = directory;
        this.dataSource = dataSource;
        this.sessionFactory = sessionFactory;
    }

    /** Opens (creating if needed) the database in {@code directory} and brings its schema up to date. */
    public static Database open(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (java.io.IOException e) {
            throw new StoreException("Cannot create the data folder " + directory + ": " + e.getMessage(), e);
        }
        HikariDataSource dataSource = new HikariDataSource(poolConfig(directory));
        try {
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
            SessionFactory sessionFactory = buildSessionFactory(dataSource);
            log.info("Database open at {}", directory.resolve(FILE_NAME));
            return new Database(directory, dataSource, sessionFactory);
        } catch (RuntimeException e) {
            dataSource.close();
            throw new StoreException("Cannot open the database in " + directory + ": " + rootMessage(e), e);
        }
    }

    static String jdbcUrl(Path directory) {
        // H2's default write delay: commits reach the file in order within half a second, so a kill
        // leaves a consistent prefix of them. The one thing that must be on disk at once, an order
        // intent before its order is sent, is forced there by makeDurable() (see docs/decisions/0011).
        // H2 keeps 8 parsed statements per session by default; the engine's hot path alone uses more than that on one
        // pooled connection, so most statements were parsed again every time (15% of an account lane, docs/decisions/0035)
        return "jdbc:h2:file:" + directory.toAbsolutePath().resolve(FILE_STEM) + ";DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=128";
    }

    private static HikariConfig poolConfig(Path directory) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl(directory));
        config.setUsername("sa");
        config.setPassword("");
        config.setPoolName("alluse-db");
        config.setMaximumPoolSize(8);
        config.setMinimumIdle(1);
        config.setAutoCommit(false);
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        return config;
    }

    private static SessionFactory buildSessionFactory(HikariDataSource dataSource) {
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder()
                .applySetting(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource)
                .applySetting(AvailableSettings.HBM2DDL_AUTO, "validate")
                .applySetting(AvailableSettings.STATEMENT_BATCH_SIZE, 50)
                .applySetting(AvailableSettings.ORDER_INSERTS, true)
                .applySetting(AvailableSettings.ORDER_UPDATES, true)
                .applySetting(AvailableSettings.CONNECTION_PROVIDER_DISABLES_AUTOCOMMIT, true)
                .applySetting(AvailableSettings.MULTI_TENANT_IDENTIFIER_RESOLVER, new RootTenantResolver())
                .applySetting(AvailableSettings.SHOW_SQL, false)
                .build();
        try {
            MetadataSources sources = new MetadataSources(registry);
            ENTITIES.forEach(sources::addAnnotatedClass);
            return sources.buildMetadata().buildSessionFactory();
        } catch (RuntimeException e) {
            StandardServiceRegistryBuilder.destroy(registry);
            throw e;
        }
    }

    /** Sessions opened without an account see every account's rows: portfolio-wide reads only. */
    private static final class RootTenantResolver implements CurrentTenantIdentifierResolver<String> {
        @Override
        public String resolveCurrentTenantIdentifier() {
            return ROOT_TENANT;
        }

        @Override
        public boolean validateExistingCurrentSessions() {
            return false;
        }

        @Override
        public boolean isRoot(String tenantId) {
            return ROOT_TENANT.equals(tenantId);
        }
    }

    public Path directory() {
        return directory;
    }

    public Path file() {
        return directory.resolve(FILE_NAME);
    }

    /** Runs work in one transaction over every account's rows; commits, or rolls back on any exception. */
    <T> T portfolioTransaction(Function<Session, T> work) {
        return transaction(sessionFactory.openSession(), work);
    }

    /** Runs work in one transaction that can see and write only {@code account}'s ledger rows. */
    <T> T accountTransaction(AccountId account, Function<Session, T> work) {
        return transaction(sessionFactory.withOptions().tenantIdentifier(account.value()).openSession(), work);
    }

    void accountTransactionVoid(AccountId account, Consumer<Session> work) {
        accountTransaction(account, s -> {
            work.accept(s);
            return null;
        });
    }

    /** Each account's books as last read or written (see {@link LedgerCache}). */
    LedgerCache ledgerCache() {
        return ledgerCache;
    }

    private <T> T transaction(Session session, Function<Session, T> work) {
        LedgerCache.enter();
        try (session) {
            Transaction tx = session.beginTransaction();
            try {
                T result = work.apply(session);
                tx.commit();
                return result;
            } catch (RuntimeException | Error e) {
                if (tx.isActive()) {
                    tx.rollback();
                }
                throw e;
            }
        } finally {
            ledgerCache.exit();
        }
    }

    /** Work on one plain JDBC connection in one transaction (the hot path, see docs/decisions/0027). */
    @FunctionalInterface
    interface JdbcWork<T> {
        T apply(Connection c) throws SQLException;
    }

    /** Runs {@code work} in one JDBC transaction: commits, or rolls back on any exception. */
    <T> T jdbc(JdbcWork<T> work) {
        LedgerCache.enter();
        try (Connection c = dataSource.getConnection()) {
            try {
                T result = work.apply(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("Database statement failed: " + e.getMessage(), e);
        } finally {
            ledgerCache.exit();
        }
    }

    private final java.util.Map<Class<?>, org.hibernate.generator.BeforeExecutionGenerator> generators = HotRows.generatorCache();

    /**
     * As {@link #jdbc}, with the hot rows' writer on the same connection, taking ids as a session of
     * {@code account} would (Hibernate keeps a pooled id range per tenant).
     */
    <T> T hotRows(AccountId account, JdbcWork2<T> work) {
        return jdbc(c -> {
            HotRows rows = new HotRows(c, sessionFactory, generators, account);
            try {
                return work.apply(rows);
            } finally {
                rows.close();
            }
        });
    }

    @FunctionalInterface
    interface JdbcWork2<T> {
        T apply(HotRows rows) throws SQLException;
    }

    /**
     * Writes everything committed so far into the database file, so that killing the process keeps it.
     * (Not fsync'd: after a power loss an intent may be gone, and the deterministic client order id,
     * looked up at the broker before anything is sent, still keeps the order from being sent twice.)
     */
    void makeDurable() {
        checkpoints.makeDurable();
    }

    /** Checkpoints run by {@link #makeDurable} since the database opened (one serves every caller waiting for it). */
    public long checkpointsRun() {
        return checkpoints.checkpoints();
    }

    /** Plain JDBC for maintenance statements (backup, checkpoint). */
    void execute(String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
            c.commit();
        } catch (SQLException e) {
            throw new StoreException("Database statement failed: " + e.getMessage(), e);
        }
    }

    /** For packages that keep their own tables with plain JDBC in the same file (the paper broker). */
    public javax.sql.DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        try {
            sessionFactory.close();
        } finally {
            try {
                execute("CHECKPOINT SYNC");
            } catch (RuntimeException e) {
                log.warn("Final checkpoint failed: {}", e.getMessage());
            }
            dataSource.close();
            log.info("Database closed at {}", directory.resolve(FILE_NAME));
        }
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
