package io.alluse.broker.alpaca;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.alluse.domain.Money;

/** Typed reads of one Alpaca JSON object; a missing or mistyped field names itself in the error. */
record JsonObject(Map<String, Object> fields) {

    static JsonObject of(Object parsed, String what) {
        if (parsed instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) map;
            return new JsonObject(m);
        }
        throw new IllegalArgumentException(what + " is not a JSON object");
    }

    static List<JsonObject> listOf(Object parsed, String what) {
        if (!(parsed instanceof List<?> list)) {
            throw new IllegalArgumentException(what + " is not a JSON array");
        }
        return list.stream().map(o -> of(o, "an element of " + what)).toList();
    }

    boolean has(String name) {
        return fields.get(name) != null;
    }

    String text(String name) {
        return optText(name).orElseThrow(() -> new IllegalArgumentException("field '" + name + "' is missing"));
    }

    Optional<String> optText(String name) {
        Object v = fields.get(name);
        return switch (v) {
            case null -> Optional.empty();
            case String s -> Optional.of(s);
            case BigDecimal d -> Optional.of(d.toPlainString());
            case Boolean b -> Optional.of(b.toString());
            default -> throw new IllegalArgumentException("field '" + name + "' is not text");
        };
    }

    BigDecimal decimal(String name) {
        return optDecimal(name).orElseThrow(() -> new IllegalArgumentException("field '" + name + "' is missing"));
    }

    /** Alpaca sends amounts and quantities as strings ("100000.5"), a few counts as numbers. */
    Optional<BigDecimal> optDecimal(String name) {
        Object v = fields.get(name);
        try {
            return switch (v) {
                case null -> Optional.empty();
                case BigDecimal d -> Optional.of(d);
                case String s when s.isBlank() -> Optional.empty();
                case String s -> Optional.of(new BigDecimal(s.trim()));
                default -> throw new IllegalArgumentException("field '" + name + "' is not a number");
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("field '" + name + "' is not a number: '" + v + "'");
        }
    }

    /** Dollars to exact cents; Alpaca may send more decimals (prices to 4 places), rounded half-even. */
    Money money(String name) {
        return toMoney(decimal(name));
    }

    Optional<Money> optMoney(String name) {
        return optDecimal(name).map(JsonObject::toMoney);
    }

    static Money toMoney(BigDecimal dollars) {
        return Money.of(dollars.setScale(2, RoundingMode.HALF_EVEN));
    }

    /** A whole quantity (shares or contracts); fractional shares are refused, we never trade them. */
    long quantity(String name) {
        BigDecimal d = decimal(name);
        try {
            return d.stripTrailingZeros().longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("field '" + name + "' is not a whole quantity: " + d.toPlainString());
        }
    }

    /** A nested object, empty when missing or null. */
    Optional<JsonObject> optObject(String name) {
        Object v = fields.get(name);
        return v == null ? Optional.empty() : Optional.of(of(v, "field '" + name + "'"));
    }

    /** A nested array of objects, empty when missing or null. */
    List<JsonObject> optList(String name) {
        Object v = fields.get(name);
        return v == null ? List.of() : listOf(v, "field '" + name + "'");
    }

    /** A price or greek as a double (market data is not ledger money); empty when missing. */
    Optional<Double> optDouble(String name) {
        return optDecimal(name).map(BigDecimal::doubleValue);
    }

    boolean flag(String name) {
        Object v = fields.get(name);
        return v instanceof Boolean b ? b : v instanceof String s && Boolean.parseBoolean(s);
    }

    Optional<Instant> optInstant(String name) {
        return optText(name).map(s -> {
            try {
                return OffsetDateTime.parse(s).toInstant();
            } catch (DateTimeParseException e) {
                try {
                    // non-trade activities carry a date only
                    return LocalDate.parse(s.length() >= 10 ? s.substring(0, 10) : s).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
                } catch (DateTimeParseException e2) {
                    throw new IllegalArgumentException("field '" + name + "' is not a time: '" + s + "'");
                }
            }
        });
    }
}
