/**
 * stop-payment-service: Emergency stop-payment and freeze orders from police to banks, bank feedback, and money-trail follow-ups until victims are repaid.
 * Features live in sub-packages, one package per feature (docs/design.md, layout).
 */
package io.fraudshield.stoppayment;
