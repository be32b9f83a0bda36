package io.alluse.market.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.alluse.domain.Symbol;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PriceHistoryCsvTest {

    private static final Symbol AAPL = new Symbol("AAPL");
    private static final String HEADER = "Date,Open,High,Low,Close,Adj Close,Volume\n";

    static final String GOOD = HEADER
            + "2025-01-02,248.93,249.10,241.82,243.85,243.26,55740700\n"
            + "2025-01-03,243.36,244.18,241.89,243.36,242.77,40244100\n"
            + "2025-01-06,244.31,247.33,243.20,245.00,244.41,45045600\n";

    @Test
    void readsAGoodFile() throws Exception {
        PriceHistory h = PriceHistoryCsv.parse("AAPL.csv", AAPL, GOOD);
        assertThat(h.symbol()).isEqualTo(AAPL);
        assertThat(h.bars()).hasSize(3);
        DailyBar first = h.bars().getFirst();
        assertThat(first).isEqualTo(new DailyBar(LocalDate.of(2025, 1, 2), 248.93, 249.10, 241.82, 243.85, 243.26, 55_740_700));
        assertThat(h.firstDate()).isEqualTo(LocalDate.of(2025, 1, 2));
        assertThat(h.lastDate()).isEqualTo(LocalDate.of(2025, 1, 6));
    }

    @Test
    void toleratesWindowsLineEndsAByteOrderMarkAndTrailingBlankLines() throws Exception {
        String text = "\uFEFF" + GOOD.replace("\n", "\r\n") + "\r\n\r\n";
        assertThat(PriceHistoryCsv.parse("AAPL.csv", AAPL, text).bars()).hasSize(3);
    }

    @Test
    void symbolComesFromTheFileName(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("msft.csv");
        Files.writeString(file, GOOD);
        assertThat(PriceHistoryCsv.read(file).symbol()).isEqualTo(new Symbol("MSFT"));
        Path bad = dir.resolve("my prices.csv");
        Files.writeString(bad, GOOD);
        assertThatThrownBy(() -> PriceHistoryCsv.read(bad))
                .isInstanceOf(PriceHistoryException.class)
                .hasMessageContaining("the file name must be the ticker, e.g. AAPL.csv");
    }

    @Test
    void emptyFile() {
        assertProblems("", "line 1: the file is empty; expected the header Date,Open,High,Low,Close,Adj Close,Volume and one row per day");
        assertProblems("\n\n  \n", "line 1: the file is empty; expected the header Date,Open,High,Low,Close,Adj Close,Volume and one row per day");
    }

    @Test
    void missingHeader() {
        assertProblems("2025-01-02,248.93,249.10,241.82,243.85,243.26,55740700\n",
                "line 1: the header line is missing; the first line must be Date,Open,High,Low,Close,Adj Close,Volume");
    }

    @Test
    void wrongHeader() {
        assertProblems("Date,Open,High,Low,Close,Volume\n2025-01-02,1,1,1,1,1\n",
                "line 1: the header must be Date,Open,High,Low,Close,Adj Close,Volume, found 'Date,Open,High,Low,Close,Volume'");
    }

    @Test
    void headerOnly() {
        assertProblems(HEADER, "line 1: no price rows after the header");
    }

    @Test
    void missingAndExtraColumns() {
        assertProblems(HEADER + "2025-01-02,248.93,249.10,241.82,243.85,243.26\n"
                        + "2025-01-03,243.36,244.18,241.89,243.36,242.77,40244100,x\n",
                "line 2: expected 7 columns (Date,Open,High,Low,Close,Adj Close,Volume), found 6",
                "line 3: expected 7 columns (Date,Open,High,Low,Close,Adj Close,Volume), found 8");
    }

    @Test
    void badDate() {
        assertProblems(HEADER + "01/02/2025,248.93,249.10,241.82,243.85,243.26,55740700\n",
                "line 2: '01/02/2025' is not a date; write dates as YYYY-MM-DD, e.g. 2025-01-02");
        assertProblems(HEADER + "2025-02-30,248.93,249.10,241.82,243.85,243.26,55740700\n",
                "line 2: '2025-02-30' is not a date; write dates as YYYY-MM-DD, e.g. 2025-01-02");
    }

    @Test
    void nonNumericAndNegativePrices() {
        assertProblems(HEADER + "2025-01-02,null,null,null,null,null,null\n"
                        + "2025-01-03,243.36,244.18,241.89,-243.36,242.77,40244100\n",
                "line 2: Open 'null' is not a number",
                "line 2: High 'null' is not a number",
                "line 2: Low 'null' is not a number",
                "line 2: Close 'null' is not a number",
                "line 2: Adj Close 'null' is not a number",
                "line 2: Volume 'null' is not a number",
                "line 3: Close must be a positive price, was -243.36");
    }

    @Test
    void negativeOrFractionalVolume() {
        assertProblems(HEADER + "2025-01-02,248.93,249.10,241.82,243.85,243.26,-5\n"
                        + "2025-01-03,243.36,244.18,241.89,243.36,242.77,12.5\n",
                "line 2: Volume must not be negative, was -5",
                "line 3: Volume '12.5' is not a whole number of shares");
    }

    @Test
    void highBelowLow() {
        assertProblems(HEADER + "2025-01-02,248.93,241.00,249.10,243.85,243.26,55740700\n",
                "line 2: High 241.00 is below Low 249.10");
    }

    @Test
    void datesRepeatedOrOutOfOrder() {
        assertProblems(HEADER
                        + "2025-01-02,248.93,249.10,241.82,243.85,243.26,55740700\n"
                        + "2025-01-02,243.36,244.18,241.89,243.36,242.77,40244100\n"
                        + "2024-12-31,243.36,244.18,241.89,243.36,242.77,40244100\n",
                "line 3: date 2025-01-02 repeats line 2; each day must appear once",
                "line 4: date 2024-12-31 comes after 2025-01-02 (line 3); rows must be in increasing date order");
    }

    @Test
    void oneBadRowRejectsTheWholeFileAndTheMessageSaysSo() {
        PriceHistoryException e = catchThrowableOfType(PriceHistoryException.class, () -> PriceHistoryCsv.parse(
                "AAPL.csv", AAPL, GOOD + "2025-01-07,x,1,1,1,1,1\n"));
        assertThat(e.source()).isEqualTo("AAPL.csv");
        assertThat(e.getMessage()).isEqualTo("AAPL.csv: 1 problem, nothing imported\n  line 5: Open 'x' is not a number");
    }

    @Test
    void manyBadRowsAreCappedAtFifty() {
        StringBuilder text = new StringBuilder(HEADER);
        for (int i = 0; i < 200; i++) {
            text.append("bad,row\n");
        }
        PriceHistoryException e = catchThrowableOfType(PriceHistoryException.class,
                () -> PriceHistoryCsv.parse("AAPL.csv", AAPL, text.toString()));
        assertThat(e.problems()).hasSize(PriceHistoryCsv.MAX_PROBLEMS);
    }

    @Test
    void importingSeveralFilesIsAllOrNothing(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("AAPL.csv");
        Files.writeString(good, GOOD);
        Path bad = dir.resolve("MSFT.csv");
        Files.writeString(bad, HEADER + "2025-01-02,1,0.5,1,1,1,1\n");
        assertThatThrownBy(() -> PriceHistoryCsv.readAll(List.of(good, bad)))
                .isInstanceOf(PriceHistoryException.class)
                .hasMessageStartingWith("MSFT.csv: 1 problem");
        Path again = dir.resolve("aapl.CSV");
        Files.writeString(again, GOOD);
        assertThatThrownBy(() -> PriceHistoryCsv.readAll(List.of(good, again)))
                .hasMessageContaining("a second file for AAPL");
        Map<Symbol, PriceHistory> both = PriceHistoryCsv.readAll(List.of(good));
        assertThat(both).containsOnlyKeys(AAPL);
    }

    private static void assertProblems(String text, String... expected) {
        PriceHistoryException e = catchThrowableOfType(PriceHistoryException.class,
                () -> PriceHistoryCsv.parse("AAPL.csv", AAPL, text));
        assertThat(e).as("expected the file to be rejected").isNotNull();
        assertThat(e.problems()).extracting(Object::toString).containsExactly(expected);
    }
}
