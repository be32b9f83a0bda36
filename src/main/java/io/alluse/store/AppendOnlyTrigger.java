package io.alluse.store;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/** Installed on the audit log by the V1 migration: the database itself refuses updates and deletes. */
public final class AppendOnlyTrigger implements Trigger {

    private String table = "";

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before, int type) {
        table = tableName;
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("The " + table.toLowerCase(java.util.Locale.ROOT) + " table is append-only: rows cannot be changed or removed.", "45000");
    }
}
