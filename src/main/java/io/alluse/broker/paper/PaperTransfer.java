package io.alluse.broker.paper;

import io.alluse.broker.BrokerActivity;
import io.alluse.domain.Money;
import java.util.List;
import java.util.Optional;

/**
 * What a transfer of everything one paper account holds to another did (docs/decisions/0026): the
 * activities it added to each feed. The same answer comes back for a repeated call with the same
 * transfer id, with {@code repeated} set; nothing moved the second time.
 *
 * @param out      the sending account's activities: one position transfer per position, then the cash journal (if any cash)
 * @param in       the receiving account's activities, in the same order
 * @param repeated true if the transfer had been done before this call
 */
public record PaperTransfer(String transferId, String from, String to, List<BrokerActivity> out, List<BrokerActivity> in, boolean repeated) {

    public PaperTransfer {
        out = List.copyOf(out);
        in = List.copyOf(in);
    }

    /** The cash that moved, zero if none. */
    public Money cash() {
        return in.stream().filter(a -> a instanceof BrokerActivity.CashJournal).map(a -> ((BrokerActivity.CashJournal) a).amount())
                .findFirst().orElse(Money.ZERO);
    }

    /** The positions as they arrived. */
    public List<BrokerActivity.PositionTransfer> positionsIn() {
        return in.stream().filter(a -> a instanceof BrokerActivity.PositionTransfer).map(a -> (BrokerActivity.PositionTransfer) a).toList();
    }

    /** The activity id of the sending account's cash journal, or of its last position transfer when no cash moved. */
    public String outReference() {
        return out.stream().filter(a -> a instanceof BrokerActivity.CashJournal).map(BrokerActivity::id).findFirst()
                .orElseGet(() -> out.getLast().id());
    }

    /** As {@link #outReference()}, for the receiving account. */
    public String inReference() {
        return in.stream().filter(a -> a instanceof BrokerActivity.CashJournal).map(BrokerActivity::id).findFirst()
                .orElseGet(() -> in.getLast().id());
    }

    /** The activity id, in the given feed, of the transfer of {@code instrumentCode}. */
    public static Optional<String> idOf(List<BrokerActivity> feed, String instrumentCode) {
        return feed.stream().filter(a -> a instanceof BrokerActivity.PositionTransfer p && p.instrument().code().equals(instrumentCode))
                .map(BrokerActivity::id).findFirst();
    }
}
