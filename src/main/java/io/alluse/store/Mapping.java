package io.alluse.store;

import io.alluse.domain.Account;
import io.alluse.domain.AccountConfig;
import io.alluse.domain.AccountId;
import io.alluse.domain.AccountStatus;
import io.alluse.domain.BrokerConnection;
import io.alluse.domain.BrokerKind;
import io.alluse.domain.DeltaRange;
import io.alluse.domain.DteRange;
import io.alluse.domain.ExecutionWindow;
import io.alluse.domain.Money;
import io.alluse.domain.Percent;
import io.alluse.domain.SleeveCapitals;
import io.alluse.domain.SleeveConfig;
import io.alluse.domain.SleeveKind;
import io.alluse.domain.StrategyParameters;
import io.alluse.domain.Symbol;
import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;

/** Between entities and domain values. Entities never leave this package. */
final class Mapping {

    private Mapping() {
    }

    static Account toAccount(AccountEntity a, List<SleeveEntity> sleeves) {
        EnumMap<SleeveKind, SleeveConfig> configs = new EnumMap<>(SleeveKind.class);
        EnumMap<SleeveKind, Money> capital = new EnumMap<>(SleeveKind.class);
        for (SleeveEntity s : sleeves) {
            SleeveKind kind = SleeveKind.valueOf(s.key.kind());
            configs.put(kind, new SleeveConfig(kind, Percent.ofBasisPoints(s.targetBp), new StrategyParameters(
                    Arrays.stream(s.symbols.split(",")).map(Symbol::new).toList(),
                    new DeltaRange(s.deltaMin, s.deltaMax),
                    new DteRange(s.dteMin, s.dteMax),
                    days(s.entryDays),
                    Percent.ofBasisPoints(s.premiumFloorBp),
                    Percent.ofBasisPoints(s.profitTakeBp),
                    Percent.ofBasisPoints(s.perSymbolCapBp))));
            capital.put(kind, Money.ofCents(s.capitalCents));
        }
        AccountConfig config = new AccountConfig(configs, Percent.ofBasisPoints(a.cashBufferBp), new ExecutionWindow(a.windowStart, a.windowEnd));
        return new Account(new AccountId(a.id), a.name, Money.ofCents(a.initialCapitalCents), AccountStatus.valueOf(a.status), config,
                new SleeveCapitals(capital), new BrokerConnection(BrokerKind.valueOf(a.brokerKind), a.brokerAccount), a.createdAt);
    }

    static void copyConfig(AccountConfig config, AccountEntity a) {
        a.cashBufferBp = config.cashBuffer().basisPoints();
        a.windowStart = config.window().start();
        a.windowEnd = config.window().end();
    }

    static void copySleeve(SleeveConfig sleeve, Money capital, SleeveEntity s) {
        StrategyParameters p = sleeve.parameters();
        s.targetBp = sleeve.target().basisPoints();
        s.capitalCents = capital.cents();
        s.symbols = p.symbols().stream().map(Symbol::value).collect(Collectors.joining(","));
        s.deltaMin = p.delta().min();
        s.deltaMax = p.delta().max();
        s.dteMin = p.dte().min();
        s.dteMax = p.dte().max();
        s.entryDays = p.entryDaysInOrder().stream().map(DayOfWeek::name).collect(Collectors.joining(","));
        s.premiumFloorBp = p.premiumFloor().basisPoints();
        s.profitTakeBp = p.profitTake().basisPoints();
        s.perSymbolCapBp = p.perSymbolCap().basisPoints();
    }

    private static EnumSet<DayOfWeek> days(String text) {
        EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String d : text.split(",")) {
            days.add(DayOfWeek.valueOf(d));
        }
        return days;
    }
}
