package io.alluse.strategy;

import io.alluse.domain.*;
import io.alluse.market.calendar.ExchangeCalendar;
import io.alluse.market.clock.SimulatedClock;
import io.alluse.market.sim.*;
import java.time.*;
import java.util.*;
import org.junit.jupiter.api.Test;

class ProbeTest {
    @Test
    void probe() {
        LocalDate day = LocalDate.of(2026, 3, 9);
        Instant at = day.atTime(11,0).atZone(ExchangeCalendar.NEW_YORK).toInstant();
        SimulatedClock clock = new SimulatedClock(at);
        SimulatedMarket market = new SimulatedMarket(clock, SimulationSettings.defaults(7, LocalDate.of(2026,1,2)));
        Symbol tsla = new Symbol("TSLA");
        LocalDate fri = LocalDate.of(2026, 3, 13);
        OptionContract c = new OptionContract(tsla, fri, OptionRight.PUT, Money.ofDollars(380));
        market.chain(tsla, fri);
        long sink = 0;
        for (int round = 0; round < 8; round++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < 50000; i++) sink += market.expiries(tsla).size();
            long t1 = System.nanoTime();
            for (int i = 0; i < 50000; i++) sink += market.chain(tsla, fri).strikes().size();
            long t2 = System.nanoTime();
            for (int i = 0; i < 50000; i++) sink += (long) market.spot(tsla);
            long t3 = System.nanoTime();
            for (int i = 0; i < 50000; i++) sink += market.quote(c).bid().cents();
            long t4 = System.nanoTime();
            for (int i = 0; i < 50000; i++) sink += market.calendar().isTradingDay(day.plusDays(i % 7)) ? 1 : 0;
            long t5 = System.nanoTime();
            for (int i = 0; i < 50000; i++) sink += new CycleContext(day, at).hashCode();
            long t6 = System.nanoTime();
            System.out.printf("expiries %d ns, chain %d ns, spot %d ns, quote %d ns, isTradingDay %d ns, ctx %d ns%n",
                (t1-t0)/50000, (t2-t1)/50000, (t3-t2)/50000, (t4-t3)/50000, (t5-t4)/50000, (t6-t5)/50000);
        }
        System.out.println(sink);
    }
}
