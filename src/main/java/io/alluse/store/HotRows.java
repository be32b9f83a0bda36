package io.alluse.store;

import io.alluse.domain.AccountId;
import io.alluse.domain.ledger.AuditKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.generator.BeforeExecutionGenerator;
import org.hibernate.generator.EventType;

/**
 * Rows the engine writes many times a day, written with plain JDBC on one connection
 * (docs/decisions/0027). Their ids come from the entities' own Hibernate generators (the same
 * sequences and pooled ranges), so rows written here and through Hibernate keep one id order.
 */
final class HotRows {

    private final Connection connection;
    private final SessionFactory sessionFactory;
    private final Map<Class<?>, BeforeExecutionGenerator> generators;
    private final AccountId tenant;
    private StatelessSession idSession;

    HotRows(Connection connection, SessionFactory sessionFactory, Map<Class<?>, BeforeExecutionGenerator> generators, AccountId tenant) {
        this.connection = connection;
        this.tenant = tenant;
        this.sessionFactory = sessionFactory;
        this.generators = generators;
    }

    static Map<Class<?>, BeforeExecutionGenerator> generatorCache() {
        return new ConcurrentHashMap<>();
    }

    Connection connection() {
        return connection;
    }

    /** The next id of {@code entity}'s rows, as Hibernate would give it. */
    long nextId(Class<?> entity) {
        BeforeExecutionGenerator generator = generators.computeIfAbsent(entity, e -> (BeforeExecutionGenerator) sessionFactory
                .unwrap(org.hibernate.engine.spi.SessionFactoryImplementor.class).getMappingMetamodel().getEntityDescriptor(e).getGenerator());
        if (idSession == null) {
            // the tenant's own pooled range (as its Hibernate sessions use); a new range is fetched over this connection
            idSession = sessionFactory.withStatelessOptions().connection(connection).tenantIdentifier(tenant.value())
                    .openStatelessSession();
        }
        return ((Number) generator.generate((SharedSessionContractImplementor) idSession, null, null, EventType.INSERT)).longValue();
    }

    void close() {
        if (idSession != null) {
            idSession.close();
        }
    }

    static OffsetDateTime time(Instant at) {
        return at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    /** As {@link AuditLog#append}. */
    void audit(AccountId account, Instant at, AuditKind kind, String summary, String detail) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement(
                "INSERT INTO audit_event (id, account_id, occurred_at, kind, summary, detail) VALUES (?, ?, ?, ?, ?, ?)")) {
            st.setLong(1, nextId(AuditEventEntity.class));
            st.setString(2, account.value());
            st.setObject(3, time(at));
            st.setString(4, kind.name());
            st.setString(5, AuditLog.clip(summary, 512));
            st.setString(6, AuditLog.clip(detail, 8000));
            st.executeUpdate();
        }
    }
}
