/**
 * card-limit-service: Account-opening checks that no two branches can race: at most 4 debit cards per customer per bank, one Class I account, agent limits, punished persons refused.
 * Features live in sub-packages, one package per feature (docs/design.md, layout).
 */
package io.fraudshield.cardlimit;
