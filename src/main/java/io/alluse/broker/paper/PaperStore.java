package io.alluse.broker.paper;

import io.alluse.broker.BrokerActivity;
import io.alluse.broker.BrokerException;
import io.alluse.broker.BrokerException.Kind;
import io.alluse.broker.BrokerOrder;
import io.alluse.broker.BrokerPosition;
import io.alluse.broker.OrderRequest;
import io.alluse.domain.Instrument;
import io.alluse.domain.Money;
import io.alluse.domain.OptionContract;
import io.alluse.domain.ledger.ClientOrderId;
import io.alluse.domain.ledger.OrderSide;
import io.alluse.domain.ledger.OrderStatus;
import io.alluse.domain.ledger.PositionEffect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The paper brokerage's own tables (migration V2), read and written with plain JDBC. Each write
 * is one transaction: it is on disk before the call that made it returns, or it is not at all.
 */
final class PaperStore {

    private static final String UPDATE_ACCOUNT = "UPDATE paper_account SET cash_cents = ?, last_change_at = ?, next_activity_seq = ?,"
            + " next_order_seq = ? WHERE account_id = ?";
    private static final String MERGE_ORDER = "MERGE INTO paper_order (account_id, seq, client_order_id, broker_order_id, instrument,"
            + " side, effect, quantity, limit_cents, status, filled_quantity, avg_fill_cents, submitted_at, updated_at, expires_at, reason)"
            + " KEY (account_id, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String MERGE_POSITION = "MERGE INTO paper_position (account_id, instrument, quantity, cost_cents)"
            + " KEY (account_id, instrument) VALUES (?, ?, ?, ?)";
    private static final String DELETE_POSITION = "DELETE FROM paper_position WHERE account_id = ? AND instrument = ?";
    private static final String INSERT_ACTIVITY = "INSERT INTO paper_activity (account_id, seq, kind, occurred_at, client_order_id,"
            + " instrument, side, quantity, price_cents, amount_cents, commission_cents, description)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final DataSource dataSource;

    PaperStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T inTransaction(String what, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new BrokerException(Kind.UNAVAILABLE, "The paper brokerage could not " + what + ": " + e.getMessage(), e);
        }
    }

    boolean exists(String accountId) {
        return inTransaction("look up paper account " + accountId, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM paper_account WHERE account_id = ?")) {
                s.setString(1, accountId);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    List<String> accountIds() {
        return inTransaction("list paper accounts", c -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT account_id FROM paper_account ORDER BY account_id");
                 ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        });
    }

    /** Stores a new account with everything it already has (its opening deposit). */
    void create(PaperState state, Instant createdAt) {
        inTransaction("open paper account " + state.accountId(), c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO paper_account (account_id, slippage_cents,"
                    + " commission_contract_cents, commission_share_cents, cash_cents, last_change_at, next_activity_seq, next_order_seq,"
                    + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                PaperSettings p = state.settings();
                s.setString(1, state.accountId());
                s.setLong(2, p.slippage().cents());
                s.setLong(3, p.commissionPerContract().cents());
                s.setLong(4, p.commissionPerShare().cents());
                s.setLong(5, state.cash().cents());
                setTime(s, 6, state.lastChangeAt());
                s.setLong(7, state.nextActivitySeq());
                s.setLong(8, state.nextOrderSeq());
                setTime(s, 9, createdAt);
                s.executeUpdate();
            }
            writeRest(c, state.accountId(), state.orders(), state.positions(), state.activities());
            return null;
        });
    }

    /** Writes one call's changes in one transaction. */
    void save(String accountId, PaperChanges changes) {
        inTransaction("save paper account " + accountId, c -> {
            write(c, accountId, changes);
            return null;
        });
    }

    private void write(Connection c, String accountId, PaperChanges changes) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(UPDATE_ACCOUNT)) {
            s.setLong(1, changes.cash().cents());
            setTime(s, 2, changes.lastChangeAt());
            s.setLong(3, changes.nextActivitySeq());
            s.setLong(4, changes.nextOrderSeq());
            s.setString(5, accountId);
            if (s.executeUpdate() != 1) {
                throw new SQLException("paper account " + accountId + " is not in the database");
            }
        }
        writeRest(c, accountId, changes.orders(), changes.positions(), changes.activities());
    }

    private static void writeRest(Connection c, String accountId, List<PaperState.OrderState> orders, List<BrokerPosition> positions,
                                  List<BrokerActivity> activities) throws SQLException {
        if (!orders.isEmpty()) {
            try (PreparedStatement s = c.prepareStatement(MERGE_ORDER)) {
                for (PaperState.OrderState o : orders) {
                    BrokerOrder b = o.order();
                    OrderRequest r = b.request();
                    s.setString(1, accountId);
                    s.setLong(2, o.seq());
                    s.setString(3, r.clientOrderId().value());
                    s.setString(4, b.brokerOrderId());
                    s.setString(5, r.instrument().code());
                    s.setString(6, r.side().name());
                    s.setString(7, r.effect().name());
                    s.setLong(8, r.quantity());
                    s.setLong(9, r.limitPrice().cents());
                    s.setString(10, b.status().name());
                    s.setLong(11, b.filledQuantity());
                    s.setLong(12, b.averageFillPrice().cents());
                    setTime(s, 13, b.submittedAt());
                    setTime(s, 14, b.updatedAt());
                    setTime(s, 15, o.expiresAt());
                    s.setString(16, b.reason());
                    s.addBatch();
                }
                s.executeBatch();
            }
        }
        for (BrokerPosition p : positions) {
            if (p.quantity() == 0) {
                try (PreparedStatement s = c.prepareStatement(DELETE_POSITION)) {
                    s.setString(1, accountId);
                    s.setString(2, p.instrument().code());
                    s.executeUpdate();
                }
            } else {
                try (PreparedStatement s = c.prepareStatement(MERGE_POSITION)) {
                    s.setString(1, accountId);
                    s.setString(2, p.instrument().code());
                    s.setLong(3, p.quantity());
                    s.setLong(4, p.costBasis().cents());
                    s.executeUpdate();
                }
            }
        }
        if (!activities.isEmpty()) {
            try (PreparedStatement s = c.prepareStatement(INSERT_ACTIVITY)) {
                for (BrokerActivity a : activities) {
                    bindActivity(s, accountId, a);
                    s.addBatch();
                }
                s.executeBatch();
            }
        }
    }

    private static void bindActivity(PreparedStatement s, String accountId, BrokerActivity a) throws SQLException {
        s.setString(1, accountId);
        s.setLong(2, PaperAccount.parseActivityId(a.id()));
        setTime(s, 4, a.at());
        for (int i = 5; i <= 12; i++) {
            s.setNull(i, i == 5 || i == 6 || i == 7 || i == 12 ? Types.VARCHAR : Types.BIGINT);
        }
        switch (a) {
            case BrokerActivity.Fill f -> {
                s.setString(3, "FILL");
                s.setString(5, f.clientOrderId().value());
                s.setString(6, f.instrument().code());
                s.setString(7, f.side().name());
                s.setLong(8, f.quantity());
                s.setLong(9, f.price().cents());
                s.setLong(11, f.commission().cents());
            }
            case BrokerActivity.Deposit d -> {
                s.setString(3, "DEPOSIT");
                s.setLong(10, d.amount().cents());
            }
            case BrokerActivity.Withdrawal w -> {
                s.setString(3, "WITHDRAWAL");
                s.setLong(10, w.amount().cents());
            }
            case BrokerActivity.Assignment x -> {
                s.setString(3, "ASSIGNMENT");
                s.setString(6, x.option().code());
                s.setLong(8, x.contracts());
            }
            case BrokerActivity.Expiration x -> {
                s.setString(3, "EXPIRATION");
                s.setString(6, x.option().code());
                s.setLong(8, x.quantity());
            }
            case BrokerActivity.Exercise x -> {
                s.setString(3, "EXERCISE");
                s.setString(6, x.option().code());
                s.setLong(8, x.contracts());
            }
            case BrokerActivity.CashAdjustment x -> {
                s.setString(3, "ADJUSTMENT");
                s.setLong(10, x.amount().cents());
                s.setString(12, x.description());
            }
            case BrokerActivity.PositionTransfer x -> {
                s.setString(3, "POSITION_XFER");
                s.setString(5, x.transferId());
                s.setString(6, x.instrument().code());
                s.setLong(8, x.quantity());
                s.setLong(10, x.costBasis().cents());
                s.setString(12, x.counterparty());
            }
            case BrokerActivity.CashJournal x -> {
                s.setString(3, "CASH_JOURNAL");
                s.setString(5, x.transferId());
                s.setLong(10, x.amount().cents());
                s.setString(12, x.counterparty());
            }
        }
    }

    /**
     * Writes the changes of a transfer between two accounts in ONE transaction (docs/decisions/0026): both
     * accounts' rows, positions and activities, or neither.
     */
    void saveBoth(String first, PaperChanges firstChanges, String second, PaperChanges secondChanges) {
        inTransaction("save the transfer between paper accounts " + first + " and " + second, c -> {
            for (int i = 0; i < 2; i++) {
                String accountId = i == 0 ? first : second;
                PaperChanges changes = i == 0 ? firstChanges : secondChanges;
                if (!changes.isEmpty()) {
                    write(c, accountId, changes);
                }
            }
            return null;
        });
    }

    /** The account as last saved, or empty if there is none with this id. */
    Optional<PaperState> load(String accountId) {
        return inTransaction("read paper account " + accountId, c -> {
            PaperSettings settings;
            Money cash;
            Instant lastChangeAt;
            long nextActivitySeq;
            long nextOrderSeq;
            try (PreparedStatement s = c.prepareStatement("SELECT slippage_cents, commission_contract_cents, commission_share_cents,"
                    + " cash_cents, last_change_at, next_activity_seq, next_order_seq FROM paper_account WHERE account_id = ?")) {
                s.setString(1, accountId);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    settings = new PaperSettings(Money.ofCents(rs.getLong(1)), Money.ofCents(rs.getLong(2)), Money.ofCents(rs.getLong(3)));
                    cash = Money.ofCents(rs.getLong(4));
                    lastChangeAt = time(rs, 5);
                    nextActivitySeq = rs.getLong(6);
                    nextOrderSeq = rs.getLong(7);
                }
            }
            List<BrokerPosition> positions = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT instrument, quantity, cost_cents FROM paper_position"
                    + " WHERE account_id = ? ORDER BY instrument")) {
                s.setString(1, accountId);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        positions.add(new BrokerPosition(Instrument.parse(rs.getString(1)), rs.getLong(2), Money.ofCents(rs.getLong(3))));
                    }
                }
            }
            List<PaperState.OrderState> orders = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT seq, client_order_id, broker_order_id, instrument, side, effect,"
                    + " quantity, limit_cents, status, filled_quantity, avg_fill_cents, submitted_at, updated_at, expires_at, reason"
                    + " FROM paper_order WHERE account_id = ? ORDER BY seq")) {
                s.setString(1, accountId);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        OrderRequest request = new OrderRequest(new ClientOrderId(rs.getString(2)), Instrument.parse(rs.getString(4)),
                                OrderSide.valueOf(rs.getString(5)), PositionEffect.valueOf(rs.getString(6)), rs.getLong(7),
                                Money.ofCents(rs.getLong(8)));
                        BrokerOrder order = new BrokerOrder(request, rs.getString(3), OrderStatus.valueOf(rs.getString(9)),
                                rs.getLong(10), Money.ofCents(rs.getLong(11)), time(rs, 12), time(rs, 13), rs.getString(15));
                        orders.add(new PaperState.OrderState(rs.getLong(1), order, time(rs, 14)));
                    }
                }
            }
            List<BrokerActivity> activities = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT seq, kind, occurred_at, client_order_id, instrument, side, quantity,"
                    + " price_cents, amount_cents, commission_cents, description FROM paper_activity WHERE account_id = ? ORDER BY seq")) {
                s.setString(1, accountId);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        activities.add(activity(rs));
                    }
                }
            }
            return Optional.of(new PaperState(accountId, settings, cash, lastChangeAt, nextActivitySeq, nextOrderSeq, positions, orders,
                    activities));
        });
    }

    private static BrokerActivity activity(ResultSet rs) throws SQLException {
        String id = PaperAccount.activityId(rs.getLong(1));
        String kind = rs.getString(2);
        Instant at = time(rs, 3);
        return switch (kind) {
            case "FILL" -> new BrokerActivity.Fill(id, at, new ClientOrderId(rs.getString(4)), Instrument.parse(rs.getString(5)),
                    OrderSide.valueOf(rs.getString(6)), rs.getLong(7), Money.ofCents(rs.getLong(8)), Money.ofCents(rs.getLong(10)));
            case "DEPOSIT" -> new BrokerActivity.Deposit(id, at, Money.ofCents(rs.getLong(9)));
            case "WITHDRAWAL" -> new BrokerActivity.Withdrawal(id, at, Money.ofCents(rs.getLong(9)));
            case "ASSIGNMENT" -> new BrokerActivity.Assignment(id, at, OptionContract.parseOcc(rs.getString(5)), rs.getLong(7));
            case "EXPIRATION" -> new BrokerActivity.Expiration(id, at, OptionContract.parseOcc(rs.getString(5)), rs.getLong(7));
            case "EXERCISE" -> new BrokerActivity.Exercise(id, at, OptionContract.parseOcc(rs.getString(5)), rs.getLong(7));
            case "ADJUSTMENT" -> new BrokerActivity.CashAdjustment(id, at, Money.ofCents(rs.getLong(9)), rs.getString(11));
            case "POSITION_XFER" -> new BrokerActivity.PositionTransfer(id, at, rs.getString(4), rs.getString(11), Instrument.parse(rs.getString(5)),
                    rs.getLong(7), Money.ofCents(rs.getLong(9)));
            case "CASH_JOURNAL" -> new BrokerActivity.CashJournal(id, at, rs.getString(4), rs.getString(11), Money.ofCents(rs.getLong(9)));
            default -> throw new SQLException("paper activity " + id + " has unknown kind '" + kind + "'");
        };
    }

    private static void setTime(PreparedStatement s, int index, Instant instant) throws SQLException {
        s.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    private static Instant time(ResultSet rs, int index) throws SQLException {
        return rs.getObject(index, OffsetDateTime.class).toInstant();
    }
}
