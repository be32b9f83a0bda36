package io.alluse.domain;

/** A new account as typed into the wizard or onto the command line, before validation. */
public record AccountDraft(String id, String name, String capital, ConfigDraft config) {

    /** The defaults of SPEC section 1 with a suggested window. */
    public static AccountDraft defaults(String id, String name, ExecutionWindow window) {
        return new AccountDraft(id, name, Defaults.INITIAL_CAPITAL.toBigDecimal().stripTrailingZeros().toPlainString(),
                ConfigDraft.of(Defaults.config(window)));
    }

    public AccountDraft withId(String newId) {
        return new AccountDraft(newId, name, capital, config);
    }

    public AccountDraft withName(String newName) {
        return new AccountDraft(id, newName, capital, config);
    }

    public AccountDraft withCapital(String newCapital) {
        return new AccountDraft(id, name, newCapital, config);
    }

    public AccountDraft withConfig(ConfigDraft newConfig) {
        return new AccountDraft(id, name, capital, newConfig);
    }
}
