package io.alluse.analytics.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void fieldsAreQuotedOnlyWhenRfc4180NeedsItAndQuotesAreDoubled() {
        assertThat(Csv.field("plain")).isEqualTo("plain");
        assertThat(Csv.field("-1234.56")).isEqualTo("-1234.56");
        assertThat(Csv.field("")).isEmpty();
        assertThat(Csv.field(null)).isEmpty();
        assertThat(Csv.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(Csv.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(Csv.field("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(Csv.field("cr\rhere")).isEqualTo("\"cr\rhere\"");
        assertThat(Csv.field("AAPL  250307P00150000")).isEqualTo("AAPL  250307P00150000");
        assertThat(Csv.field(" padded")).isEqualTo("\" padded\"");
    }

    @Test
    void everyRecordEndsWithCrLfAndHasTheHeadersWidth() {
        Csv csv = new Csv(List.of("a", "b")).row(List.of("1", "x,y"));
        assertThat(csv.toString()).isEqualTo("a,b\r\n1,\"x,y\"\r\n");
        assertThatThrownBy(() -> csv.row(List.of("only one"))).hasMessageContaining("needs 2 fields, this one has 1");
    }
}
