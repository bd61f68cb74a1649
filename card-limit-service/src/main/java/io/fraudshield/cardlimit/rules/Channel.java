package io.fraudshield.cardlimit.rules;

/** Where the account is opened. Class I accounts need an on-site identity check (docs/rules.md A2). */
public enum Channel {
    COUNTER(true),
    STAFFED_SELF_SERVICE(true),
    ONLINE(false),
    MOBILE_APP(false);

    private final boolean identityCheckedOnSite;

    Channel(boolean identityCheckedOnSite) {
        this.identityCheckedOnSite = identityCheckedOnSite;
    }

    public boolean identityCheckedOnSite() {
        return identityCheckedOnSite;
    }
}
