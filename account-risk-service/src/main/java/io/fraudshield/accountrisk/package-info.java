/**
 * account-risk-service: Payment-time account status, transfer risk checks, person restrictions and appeals for payment platforms and banks.
 * Features live in sub-packages, one package per feature (docs/design.md, layout).
 */
package io.fraudshield.accountrisk;
