package io.alluse.engine;

import io.alluse.broker.alpaca.AlpacaMode;
import io.alluse.domain.BrokerKind;
import io.alluse.secrets.Secret;

/** What the user chose for a new account's brokerage in the wizard, with the keys to reach it. */
public sealed interface BrokerSetup {

    BrokerKind kind();

    /** The built-in paper broker. */
    record Paper() implements BrokerSetup {
        @Override
        public BrokerKind kind() {
            return BrokerKind.PAPER;
        }
    }

    /**
     * An Alpaca account reached with its own API key pair.
     *
     * @param liveConfirmed the user confirmed that this account trades real money (required for live)
     */
    record Alpaca(AlpacaMode mode, Secret keyId, Secret secretKey, boolean liveConfirmed) implements BrokerSetup {

        public Alpaca {
            if (mode == null || keyId == null || secretKey == null) {
                throw new IllegalArgumentException("Alpaca needs a mode, a key id and a secret key");
            }
        }

        @Override
        public BrokerKind kind() {
            return mode == AlpacaMode.LIVE ? BrokerKind.ALPACA_LIVE : BrokerKind.ALPACA_PAPER;
        }

        @Override
        public String toString() {
            return "Alpaca[" + mode + ", keys hidden, liveConfirmed=" + liveConfirmed + "]";
        }
    }
}
