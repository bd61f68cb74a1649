package io.fraudshield.stoppayment.refund;

import io.fraudshield.common.identifier.AccountNumber;
import io.fraudshield.common.money.Money;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * The police decision to return frozen money (docs/rules.md A7): on which basis, by which officers (at least
 * two), under which assistance notice, to which victims (their loss, the traced amount for a traced refund,
 * and the account the bank pays to).
 */
public record RefundRequest(@NotNull RefundBasis basis,
                            @NotEmpty @Size(max = 10) List<@NotBlank @Size(max = 100) String> officers,
                            @NotBlank @Size(max = 100) String noticeDocument,
                            @NotEmpty @Size(max = 500) List<@Valid @NotNull Victim> victims) {

    public record Victim(@NotNull @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9\\-]+") String victimRef,
                         @NotNull Money loss, Money traced, @NotNull AccountNumber accountNumber,
                         @NotNull @Size(min = 1, max = 100) String holderName) {

        @Override
        public String toString() {
            return "Victim[" + victimRef + "]";
        }
    }
}
