package io.fraudshield.accountrisk.restriction;

/** Why a person is listed (docs/rules.md A5, "Who is punished"). */
public enum Ground {
    /** Convicted of telecom fraud or a related crime. */
    CONVICTED,
    /** Certified by police at city level or above: sold, rented or lent 3+ accounts, 3+ times or to 3+ counterparts. */
    CERTIFIED,
    /** Opened cards or accounts in someone else's name or through a fake agency. */
    IMPERSONATION,
    /** Listed by a provincial police bureau below the thresholds because of the case's impact. */
    PROVINCIAL_LISTING
}
