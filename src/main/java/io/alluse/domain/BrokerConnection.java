package io.alluse.domain;

/**
 * The one brokerage account a main account trades in. Holds no secrets: credentials live in
 * the credential vault under {@code externalAccountId}, never in the database.
 */
public record BrokerConnection(BrokerKind kind, String externalAccountId) {

    public BrokerConnection {
        if (kind == null || externalAccountId == null || externalAccountId.isBlank()) {
            throw new IllegalArgumentException("broker kind and account are required");
        }
    }

    /** The paper brokerage account that belongs to one of our accounts. */
    public static BrokerConnection paperFor(AccountId id) {
        return new BrokerConnection(BrokerKind.PAPER, "PAPER-" + id.value().toUpperCase(java.util.Locale.ROOT));
    }
}
