package io.alluse.strategy;

import io.alluse.domain.AccountId;
import io.alluse.domain.Money;
import io.alluse.domain.Percent;
import io.alluse.domain.SleeveConfig;
import io.alluse.domain.ledger.OrderRecord;
import io.alluse.domain.ledger.Position;
import java.util.List;

// TEMPORARY on the engine branch: the agreed API; the strategy branch's files replace these at merge.
public record SleeveState(AccountId account, SleeveConfig config, Percent cashBuffer, Money cash, List<Position> positions, List<OrderRecord> openOrders) {
}
