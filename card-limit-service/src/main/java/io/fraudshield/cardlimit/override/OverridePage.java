package io.fraudshield.cardlimit.override;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** A page of pending overrides, oldest first; {@code next} is the cursor of the following page, absent on the last. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OverridePage(List<OverrideView> items, String next) {
}
